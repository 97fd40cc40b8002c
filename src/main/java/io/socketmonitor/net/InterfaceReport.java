package io.socketmonitor.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code --list-interfaces}: one line per address, grouped per interface like the
 * lecture's {@code ip -4 a}, columns aligned so the kinds can be compared at a glance.
 */
public final class InterfaceReport {
    private InterfaceReport() {}

    private static final String[] HEADER = {"INTERFACE", "ADDRESS", "KIND", "REACHABLE FROM"};

    /** A header line, then each interface's addresses; the interface name is shown once per group. */
    public static String format(List<LocalAddress> addresses) {
        Map<String, List<LocalAddress>> byInterface = new LinkedHashMap<>();
        for (LocalAddress a : addresses) {
            byInterface.computeIfAbsent(a.interfaceName(), k -> new ArrayList<>()).add(a);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        byInterface.forEach((name, group) -> {
            for (int i = 0; i < group.size(); i++) {
                LocalAddress a = group.get(i);
                rows.add(new String[] {i == 0 ? name : "", a.literal(), a.kind().label(),
                        "reachable from: " + a.reachableFrom()});
            }
        });
        StringBuilder out = new StringBuilder();
        int[] widths = widths(rows);
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        if (addresses.isEmpty()) {
            out.append("(no network interface is up)").append("\n");
        }
        return out.toString();
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    /** Pads every column but the last, so lines carry no trailing spaces. */
    private static void appendRow(StringBuilder out, String[] row, int[] widths) {
        for (int c = 0; c < row.length - 1; c++) {
            out.append(String.format("%-" + widths[c] + "s  ", row[c]));
        }
        out.append(row[row.length - 1]).append("\n");
    }
}
