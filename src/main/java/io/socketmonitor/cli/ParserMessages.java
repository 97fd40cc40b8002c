package io.socketmonitor.cli;

import io.socketmonitor.template.Printable;
import picocli.CommandLine;

/** The option parser's complaints in the same words as the program's own: a sentence, the option first. */
public final class ParserMessages {
    private ParserMessages() {}

    public static String sentence(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof CommandLine.Model.OptionSpec spec) {
            return spec.longestName() + " was given twice: give it once.";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec spec) {
            return spec.longestName() + " needs a value: " + spec.longestName() + " " + spec.paramLabel() + ".";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            // "Unmatched argument at index 1" is the parser's view; the user typed a word too many.
            String word = Printable.visible(u.getUnmatched().get(0));
            return "'" + word + "' is not an option, nor the value of one: options start with --"
                    + " (a value with spaces needs quotes).";
        }
        // The parser's own words quote what was typed as it came: a pasted line break would split them.
        String text = e.getMessage() == null || e.getMessage().isBlank() ? "The options could not be read"
                : Printable.visible(e.getMessage().strip(), 300);
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
