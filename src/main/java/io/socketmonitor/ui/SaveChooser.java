package io.socketmonitor.ui;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Predicate;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;

/**
 * The Save dialog of the log, the CSV export and the client's bytes: it asks before replacing a
 * file (JFileChooser alone overwrites without a word) and opens where the last save went.
 */
public final class SaveChooser {
    private static File lastFolder; // this session's; the EDT's only

    private SaveChooser() {
    }

    /** The file to write, or null when the user cancelled. On the EDT. */
    public static Path choose(Component parent, String title, String suggestedName) {
        JFileChooser chooser = new JFileChooser(lastFolder) {
            @Override
            public void approveSelection() {
                if (mayWrite(getSelectedFile(), f -> askReplace(this, f))) {
                    super.approveSelection();
                }
            }
        };
        chooser.setDialogTitle(title);
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggestedName));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        File chosen = chooser.getSelectedFile();
        lastFolder = chosen.getAbsoluteFile().getParentFile();
        return chosen.toPath();
    }

    /** A new file may be written; an existing one once {@code replace} says yes. */
    static boolean mayWrite(File file, Predicate<File> replace) {
        return !file.exists() || replace.test(file);
    }

    private static boolean askReplace(Component parent, File f) {
        return JOptionPane.showConfirmDialog(parent, f.getName() + " already exists in " + f.getAbsoluteFile().getParent()
                        + ". Replace it?", "Replace " + f.getName(), JOptionPane.YES_NO_OPTION,
                JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION;
    }
}
