package io.socketmonitor.ui;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file could not be written, as a sentence: Java's own messages for the usual failures
 * are only the path ("/root/peers.csv"), which reads as if it were the answer.
 */
public final class SaveErrors {
    private SaveErrors() {
    }

    public static String sentence(Path file, Exception e) {
        Path folder = file.toAbsolutePath().getParent();
        String where = folder == null ? "" : " in " + folder;
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied" + where;
        } else if (e instanceof NoSuchFileException) {
            why = "the folder" + (folder == null ? "" : " " + folder) + " does not exist";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            why = lowerFirst(fse.getReason()); // "Is a directory", "No space left on device"
        } else {
            why = String.valueOf(e.getMessage());
        }
        return "Could not save " + file.getFileName() + ": " + why + ".";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
