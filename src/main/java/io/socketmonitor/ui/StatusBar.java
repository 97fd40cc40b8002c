package io.socketmonitor.ui;

import io.socketmonitor.server.ServerStats;
import java.text.NumberFormat;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;

/** "Listening on 127.0.0.1:8080 · 3 open · 1,204 served · 412 conn/s · 0 errors". */
public final class StatusBar extends JPanel {
    private final JLabel state = label("statusState", "Stopped", "Server state");
    private final JLabel open = label("statusOpen", "0 open", "Connections open now");
    private final JLabel served = label("statusServed", "0 served", "Connections accepted since start");
    private final JLabel rate = label("statusRate", "0 conn/s", "Connections accepted in the last second");
    private final JLabel errors = label("statusErrors", "0 errors", "Errors since start (see the log)");
    private final NumberFormat nf = NumberFormat.getIntegerInstance();

    public StatusBar() {
        super(new MigLayout("insets 2 8 2 8, gap 8", "[grow,fill][][][][][][][][]"));
        setName("status");
        getAccessibleContext().setAccessibleName("Status");
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, javax.swing.UIManager.getColor("Separator.foreground")));
        add(state);
        for (JLabel l : new JLabel[] {open, served, rate, errors}) {
            add(new JSeparator(SwingConstants.VERTICAL), "growy");
            add(l);
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, javax.swing.UIManager.getColor("Separator.foreground")));
    }

    private static JLabel label(String name, String text, String tip) {
        JLabel l = new SteadyLabel(text); // the counters change with every tick under a flood
        l.setName(name);
        l.setToolTipText(tip);
        l.getAccessibleContext().setAccessibleName(tip);
        return l;
    }

    public void setState(String text) {
        state.setText(text);
    }

    public String stateText() {
        return state.getText();
    }

    public void setCounters(int openNow, ServerStats stats, long ratePerSecond, long errorCount) {
        open.setText(nf.format(openNow) + " open");
        served.setText(nf.format(stats == null ? 0 : stats.served()) + " served");
        rate.setText(nf.format(ratePerSecond) + " conn/s");
        errors.setText(nf.format(errorCount) + (errorCount == 1 ? " error" : " errors"));
    }
}
