using System;

namespace KooPhone.Client.Runs
{
    /// <summary>What a run hands back to its host, which writes each event on its own thread (the pipeline's).</summary>
    internal enum RunEventKind
    {
        /// <summary>An object to write (<see cref="RunEvent.Output"/>).</summary>
        Output,

        /// <summary>The error of one id (<see cref="RunEvent.Error"/>, <see cref="RunEvent.Target"/>, <see cref="RunEvent.Outcome"/>).</summary>
        ItemError,

        Verbose,

        Warning,

        /// <summary>A progress bar's line (<see cref="RunEvent.Progress"/>).</summary>
        Progress,

        /// <summary>Nothing new: the run is waiting, and the host may write what it gathered meanwhile (request traces).</summary>
        Idle,

        /// <summary>The run's summary, once it is closed (<see cref="RunEvent.Summary"/>).</summary>
        Summary,

        /// <summary>The run stopped sending (<see cref="RunEvent.Stop"/>): the last event; the host ends the command with it.</summary>
        Stopped,
    }

    /// <summary>One event of a run. Recorded before it is handed back, so what the host cannot write is still in the run record.</summary>
    internal sealed class RunEvent
    {
        public static readonly RunEvent Idle = new RunEvent(RunEventKind.Idle);

        private RunEvent(RunEventKind kind) => Kind = kind;

        public RunEventKind Kind { get; }

        public object? Output { get; private set; }

        public Exception? Error { get; private set; }

        /// <summary>The id an item error names.</summary>
        public string? Target { get; private set; }

        public RunOutcome Outcome { get; private set; }

        public string? Message { get; private set; }

        public RunProgress? Progress { get; private set; }

        public KooPhoneRun? Summary { get; private set; }

        public RunStopped? Stop { get; private set; }

        public static RunEvent OfOutput(object output) => new RunEvent(RunEventKind.Output) { Output = output };

        public static RunEvent OfError(Exception error, string target, RunOutcome outcome) =>
            new RunEvent(RunEventKind.ItemError) { Error = error, Target = target, Outcome = outcome };

        public static RunEvent OfVerbose(string message) => new RunEvent(RunEventKind.Verbose) { Message = message };

        public static RunEvent OfWarning(string message) => new RunEvent(RunEventKind.Warning) { Message = message };

        public static RunEvent OfProgress(RunProgress progress) => new RunEvent(RunEventKind.Progress) { Progress = progress };

        public static RunEvent OfSummary(KooPhoneRun run) => new RunEvent(RunEventKind.Summary) { Summary = run };

        public static RunEvent OfStop(RunStopped stopped) => new RunEvent(RunEventKind.Stopped) { Stop = stopped };
    }

    /// <summary>One line of a progress bar: which bar, what it says, and how far (a percentage only when the total is known).</summary>
    internal sealed class RunProgress
    {
        public RunProgress(int id, string activity, string status, long done, long? total, bool completed = false)
        {
            Id = id;
            Activity = activity;
            Status = status;
            Done = done;
            Total = total;
            Completed = completed;
        }

        public int Id { get; }

        public string Activity { get; }

        public string Status { get; }

        public long Done { get; }

        public long? Total { get; }

        /// <summary>The bar is taken away.</summary>
        public bool Completed { get; }
    }

    /// <summary>Why a run stopped sending, the first id error that came with it (if any), and how many ids were never sent.</summary>
    internal sealed class RunStopped
    {
        public RunStopped(string why, Exception? firstError, string? firstTarget, RunOutcome firstOutcome, int notSent)
        {
            Why = why;
            FirstError = firstError;
            FirstTarget = firstTarget;
            FirstOutcome = firstOutcome;
            NotSent = notSent;
        }

        public string Why { get; }

        public Exception? FirstError { get; }

        public string? FirstTarget { get; }

        public RunOutcome FirstOutcome { get; }

        public int NotSent { get; }
    }
}
