package org.meterline.ui.api.testing;

import com.vaadin.server.ClientConnector;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.Component;
import com.vaadin.ui.HasComponents;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.meterline.core.api.Caller;
import org.meterline.ui.api.UiContext;

/**
 * A Vaadin session and UI for testing a view in plain JUnit 5, without a servlet or a browser. Before each test it
 * makes a session whose lock the test thread holds and which numbers its connectors, makes it current, logs the
 * caller in ({@link UiContext#setCaller}), and makes a UI of that session current; after each test it clears both.
 * It holds the session and the UI for the test: Vaadin keeps the current ones only weakly.
 *
 * <pre>{@code
 * @RegisterExtension
 * final VaadinViewTest vaadin = new VaadinViewTest().caller(new Caller("vic", 1, 10, 10, EnumSet.of(Role.VIEWER)));
 * }</pre>
 *
 * <p>Components are found by their ids ({@link #find}, {@link #get}, {@link #byId}), as the browser tests find them.
 */
public final class VaadinViewTest implements BeforeEachCallback, AfterEachCallback {

    private Caller caller;
    private boolean attachUi = true;
    private VaadinSession session;
    private UI ui;

    /**
     * Sets the logged-in caller (null: nobody), from the next test on; during a test it replaces the caller of the
     * current session at once, as a new login would.
     */
    public VaadinViewTest caller(Caller caller) {
        this.caller = caller;
        if (session != null) {
            UiContext.setCaller(caller);
        }
        return this;
    }

    /**
     * The UI is not put into the session: what is added to it (a dialog) stays detached, as does a view that is not
     * added to the UI, and needs no connector ids.
     */
    public VaadinViewTest detachedUi() {
        attachUi = false;
        return this;
    }

    /** The current session of this test. */
    public VaadinSession session() {
        return session;
    }

    /** The current UI of this test. */
    public UI ui() {
        return ui;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session = new TestSession();
        VaadinSession.setCurrent(session);
        UiContext.setCaller(caller);
        ui = new TestUI();
        if (attachUi) {
            ui.setSession(session);
        }
        UI.setCurrent(ui);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UI.setCurrent(null);
        VaadinSession.setCurrent(null);
        ui = null;
        session = null;
    }

    /** The component with the id: root itself or one inside it, depth first; null when there is none. */
    @SuppressWarnings("unchecked")
    public static <T extends Component> T find(Component root, String id) {
        if (id.equals(root.getId())) {
            return (T) root;
        }
        if (root instanceof HasComponents parent) {
            for (Component child : parent) {
                T found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The component with the id in root or else in a window open on this test's UI (a dialog the view opened); fails
     * the test when there is none.
     */
    public <T extends Component> T get(Component root, String id) {
        T found = find(root, id);
        Iterator<Window> windows = ui.getWindows().iterator();
        while (found == null && windows.hasNext()) {
            found = find(windows.next(), id);
        }
        if (found == null) {
            throw new AssertionError("no component " + id);
        }
        return found;
    }

    /** Every component with an id, root included, by its id (of two with the same id, the later one in the tree). */
    public static Map<String, Component> byId(Component root) {
        Map<String, Component> byId = new HashMap<>();
        collect(root, byId);
        return byId;
    }

    private static void collect(Component c, Map<String, Component> byId) {
        if (c.getId() != null) {
            byId.put(c.getId(), c);
        }
        if (c instanceof HasComponents parent) {
            parent.forEach(child -> collect(child, byId));
        }
    }

    /** Locked by the test thread, as a request thread holds it; connector ids counted from 1. */
    private static final class TestSession extends VaadinSession {
        private static final long serialVersionUID = 1L;
        private final ReentrantLock lock = new ReentrantLock();
        private int connectors;

        TestSession() {
            super(null);
            lock.lock();
        }

        @Override
        public Lock getLockInstance() {
            return lock;
        }

        @Override
        public String createConnectorId(ClientConnector connector) {
            return Integer.toString(++connectors);
        }
    }

    private static final class TestUI extends UI {
        private static final long serialVersionUID = 1L;

        @Override
        protected void init(VaadinRequest request) {
        }
    }
}
