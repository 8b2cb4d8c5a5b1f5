package org.meterline.grid.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.grid.internal.FakeTariffService;
import org.meterline.grid.internal.GridServiceImpl;
import org.meterline.grid.internal.TestDatabase;

/** The list commands as the Karaf shell runs them: as a logged-in account, printing to the session. */
class ShellCommandsTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private GridServiceImpl grid;
    private final Caller acme = new Caller("acme", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, m, args) -> {
                if ("getConsole".equals(m.getName())) {
                    return new PrintStream(out, true, StandardCharsets.UTF_8);
                }
                throw new UnsupportedOperationException(m.getName());
            });

    @BeforeEach
    void start() {
        db = new TestDatabase(dir);
        grid = db.gridService(new FakeTariffService());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    /** Runs the command as the account, as a shell session of the meterline realm does; returns what it printed. */
    private List<String> run(Caller caller, Action command) throws Exception {
        Subject subject = new Subject(false, Set.of(new CallerPrincipal(caller)), Set.of(), Set.of());
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
        return out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    private static String name(List<String> lines, int row) {
        return lines.get(row + 2).split("\\|")[0].stripTrailing(); // after the header and its rule
    }

    @Test
    void powerGridListPrintsTheTreeIndented() throws Exception {
        PowerGrid north = grid.createPowerGrid(acme, new PowerGridInput(null, "North", "N", 52.5, 13.4));
        PowerGrid feeder = grid.createPowerGrid(acme, new PowerGridInput(north.id(), "Feeder 1", null, null, null));
        grid.createPowerGrid(acme, new PowerGridInput(feeder.id(), "TR-7", null, null, null));
        grid.createPowerGrid(acme, new PowerGridInput(null, "South", null, null, null));
        PowerGridListCommand command = new PowerGridListCommand();
        command.session = session;
        command.grid = grid;
        List<String> lines = run(acme, command);
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals(List.of("North", "  Feeder 1", "    TR-7", "South"),
                IntStream.range(0, 4).mapToObj(i -> name(lines, i)).collect(Collectors.toList()));
        assertTrue(lines.get(2).contains("52.5") && lines.get(2).contains("13.4"), lines.get(2));
    }

    @Test
    void projectListFiltersByStatus() throws Exception {
        Site site = grid.createSite(acme, new SiteInput("North", null, null, null, null));
        for (ProjectStatus status : ProjectStatus.values()) {
            grid.createProject(acme, new ProjectInput(site.id(), "P " + status.id(), null, null, null,
                    LocalDate.of(2026, 1, 1), null, status, null, null));
        }
        ProjectListCommand command = new ProjectListCommand();
        command.session = session;
        command.grid = grid;
        command.status = "In_Operation";
        List<String> lines = run(acme, command);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("P in-operation") && lines.get(2).contains("2026-01-01"), lines.get(2));

        command.status = "finished";
        ValidationException e = assertThrows(ValidationException.class, () -> run(acme, command));
        assertEquals("status: must be one of planned, under-construction, in-operation, closed", e.getMessage());
    }

    @Test
    void siteListNeedsAMeterlineLogin() throws Exception {
        grid.createSite(acme, new SiteInput("North", "N", 52.52, 13.405, "Europe/Berlin"));
        SiteListCommand command = new SiteListCommand();
        command.session = session;
        command.grid = grid;
        List<String> lines = run(acme, command);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("Europe/Berlin") && lines.get(2).contains("52.52"), lines.get(2));
        assertThrows(ForbiddenException.class, command::execute);
    }

    @Test
    void statusesComplete() {
        List<String> candidates = new ArrayList<>();
        CommandLine line = (CommandLine) Proxy.newProxyInstance(CommandLine.class.getClassLoader(),
                new Class<?>[] {CommandLine.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getCursorArgument" -> "in";
                    case "getArgumentPosition", "getBufferPosition" -> 2;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        new ProjectStatusCompleter().complete(session, line, candidates);
        assertEquals(List.of("in-operation"), candidates.stream().map(String::strip).collect(Collectors.toList()));
    }

    @Test
    void listsFetchEveryPage() {
        List<PageRequest> asked = new ArrayList<>();
        List<Integer> rows = Pages.all(page -> {
            asked.add(page);
            int to = Math.min(page.offset() + page.limit(), 2500);
            return new Page<>(IntStream.range(page.offset(), to).boxed().collect(Collectors.toList()), 2500);
        }, "name", "x");
        assertEquals(2500, rows.size());
        assertEquals(List.of(0, 1000, 2000), asked.stream().map(PageRequest::offset).collect(Collectors.toList()));
        assertFalse(asked.stream().anyMatch(p -> !"x".equals(p.filter()) || !"name".equals(p.sortField())));
    }
}
