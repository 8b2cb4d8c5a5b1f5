package org.meterline.collection.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;

/** {@code meterline:task-list}, {@code meterline:task-run}. */
public final class TaskCommands {

    private TaskCommands() {
    }

    static CollectionTask byName(CollectionService collection, Caller caller, String name) {
        return collection.findTask(caller, name)
                .orElseThrow(() -> new NotFoundException("Collection task " + name + " does not exist."));
    }

    @Service
    @Command(scope = "meterline", name = "task-list", description = "Lists the collection tasks of your customer (manual §5)")
    public static class ListCommand implements Action {
        @Reference
        Session session;

        @Reference
        CollectionService collection;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            ShellTable table = new ShellTable();
            for (String c : List.of("Id", "Name", "Template", "Grid", "Model", "Start", "Interval", "Offset", "Enabled",
                    "Next run", "Last run")) {
                table.column(c);
            }
            for (CollectionTask t : collection.listTasks(caller, new PageRequest(0, PageRequest.MAX_LIMIT, "name", true,
                    "")).items()) {
                List<TaskRun> last = collection.listRuns(caller, t.id(), PageRequest.first(1)).items();
                table.addRow().addContent(t.id(), t.name(), t.template().id(), t.gridId(),
                        t.modelId() == null ? "all" : t.modelId(), t.startTime(), t.intervalMinutes() + " min",
                        t.offsetMinutes() + " min", t.enabled() ? "yes" : "no",
                        t.nextRunAt() == null ? "" : t.nextRunAt(), last.isEmpty() ? "" : summary(last.get(0)));
            }
            table.print(session.getConsole());
            return null;
        }
    }

    static String summary(TaskRun r) {
        return r.state().name().toLowerCase(java.util.Locale.ROOT) + " " + r.metersSucceeded() + "/" + r.metersTotal()
                + " read, " + r.metersFailed() + " failed";
    }

    @Service
    @Command(scope = "meterline", name = "task-run", description = "Runs a collection task now; --wait shows the outcome")
    public static class RunCommand implements Action {
        @Reference
        Session session;

        @Reference
        CollectionService collection;

        @Argument(index = 0, name = "name", required = true, description = "The task's name")
        @Completion(TaskNameCompleter.class)
        String name;

        @Option(name = "-w", aliases = "--wait", description = "Wait up to this many seconds for the run to finish")
        int waitSeconds;

        @Override
        public Object execute() throws InterruptedException {
            Caller caller = CallerPrincipal.requireCurrent();
            CollectionTask task = byName(collection, caller, name);
            TaskRun run = collection.runNow(caller, task.id());
            session.getConsole().println("Started run " + run.id() + " of task " + task.name() + " ("
                    + task.template().caption() + ")");
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (run.state() == RunState.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(250);
                run = collection.getRun(caller, run.id());
            }
            if (run.state() == RunState.RUNNING) {
                session.getConsole().println("Running; see meterline:task-list");
                return null;
            }
            session.getConsole().println("Run " + run.id() + " " + summary(run)
                    + (run.message().isEmpty() ? "" : ": " + run.message()));
            for (MeterOutcome o : collection.listOutcomes(caller, run.id(), new PageRequest(0, PageRequest.MAX_LIMIT,
                    "meterSerial", true, "")).items()) {
                session.getConsole().println("  " + o.meterSerial() + " " + o.status().name().toLowerCase(
                        java.util.Locale.ROOT) + (o.errorKind().isEmpty() ? "" : " " + o.errorKind()) + ", "
                        + o.attempts() + " attempt(s), " + o.valuesStored() + " values: " + o.message());
            }
            return null;
        }
    }

    /** Completes task names. */
    @Service
    public static class TaskNameCompleter implements Completer {
        @Reference
        CollectionService collection;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            StringsCompleter names = new StringsCompleter();
            try {
                for (CollectionTask t : collection.listTasks(CallerPrincipal.requireCurrent(),
                        new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, "")).items()) {
                    names.getStrings().add(t.name());
                }
            } catch (RuntimeException e) {
                return -1;
            }
            return names.complete(session, commandLine, candidates);
        }
    }

}
