package io.socketmonitor.ui;

import java.awt.Component;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JToolBar;

/**
 * A toolbar for a window that may be narrow. A button cut at the edge reads as another word
 * ("Broadc"), so the buttons that do not fit whole are left out, and a » button at the end
 * offers their actions in a menu, as browsers' and IDEs' toolbars do.
 */
final class OverflowToolBar extends JToolBar {
    private final JButton more = new JButton("\u00bb");

    OverflowToolBar() {
        setFloatable(false);
        more.setName("toolbarMore");
        more.setToolTipText("More actions");
        more.getAccessibleContext().setAccessibleName("More actions");
        more.setFocusable(false);
        more.addActionListener(e -> {
            JPopupMenu menu = new JPopupMenu();
            for (Action a : leftOut()) {
                JMenuItem item = menu.add(a);
                item.setName("toolbarMore." + item.getText());
            }
            menu.show(more, 0, more.getHeight());
        });
        add(more);
    }

    @Override
    protected void addImpl(Component comp, Object constraints, int index) {
        // The » button stays last, after whatever is added later.
        super.addImpl(comp, constraints, comp != more && index < 0 ? getComponentCount() - 1 : index);
    }

    @Override
    public void doLayout() {
        super.doLayout();
        Insets in = getInsets();
        int right = getWidth() - in.right;
        boolean fits = true;
        for (Component c : getComponents()) {
            if (c != more && c instanceof AbstractButton && c.getX() + c.getWidth() > right) {
                fits = false;
            }
        }
        if (fits) {
            more.setSize(0, more.getHeight());
            return;
        }
        int moreWidth = more.getPreferredSize().width;
        int limit = right - moreWidth;
        for (Component c : getComponents()) {
            if (c != more && c.getX() + c.getWidth() > limit) {
                c.setSize(0, c.getHeight());
            }
        }
        more.setBounds(limit, more.getY(), moreWidth, more.getHeight());
    }

    /** The actions of the buttons left out now. */
    List<Action> leftOut() {
        List<Action> out = new ArrayList<>();
        for (Component c : getComponents()) {
            if (c != more && c instanceof AbstractButton b && b.getWidth() == 0 && b.getAction() != null) {
                out.add(b.getAction());
            }
        }
        return out;
    }
}
