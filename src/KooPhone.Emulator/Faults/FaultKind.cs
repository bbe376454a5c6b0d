namespace KooPhone.Emulator.Faults;

/// <summary>What a fault rule does to a request it fires on (see docs/emulator.md).</summary>
public enum FaultKind
{
    /// <summary>Answer an HTTP error status (429, 500, 502, 503 or 504) with the matching error body.</summary>
    Status,

    /// <summary>Answer HTTP 403 with IAM's error body, {"error":{"code","message","title"}}, as a request IAM's policy check refused.</summary>
    Iam,

    /// <summary>Answer HTTP 502 with an HTML error page, as a proxy in front of the gateway would.</summary>
    Html,

    /// <summary>Answer an error in one of the body shapes of <see cref="ErrorShapes"/>: a policy denial, camelCase, code/message, nested, plain text, or a shape no SDK reads.</summary>
    Shape,

    /// <summary>Answer HTTP 200 with a truncated JSON body.</summary>
    Garbage,

    /// <summary>Answer HTTP 200 success without data.</summary>
    NoData,

    /// <summary>Answer HTTP 200 success whose data fields have the wrong JSON types.</summary>
    WrongType,

    /// <summary>Answer HTTP 200 with only an error_msg saying the system is busy: no error_code, no data.</summary>
    Busy,

    /// <summary>Answer HTTP 200 success whose data is null.</summary>
    NullData,

    /// <summary>Answer HTTP 200 success whose data is an empty object.</summary>
    EmptyData,

    /// <summary>Answer HTTP 200 success whose data has objects where arrays belong and an array where a string belongs.</summary>
    WrongShape,

    /// <summary>Answer HTTP 200 with error_code empty: neither the success code "0" nor any refusal's code.</summary>
    EmptyCode,

    /// <summary>Answer HTTP 200 {"code":"0","message":"ok"}: a zero code under another shape's name, without error_code.</summary>
    CodeZero,

    /// <summary>
    /// A task operation's answer without the job of every second instance (<see cref="MissingJobsRunner"/>):
    /// before, those instances are taken out of the request and never carried out; after, all are.
    /// </summary>
    MissingJobs,

    /// <summary>Close the connection without answering.</summary>
    Drop,

    /// <summary>Never answer, until the client goes away.</summary>
    Hang,

    /// <summary>Answer HTTP 200 and the first bytes of the body, then send nothing more until the client goes away.</summary>
    Stall,

    /// <summary>Answer HTTP 200 and the first bytes of the body, then close the connection mid-body.</summary>
    Cut,

    /// <summary>Wait, then handle the request normally; in the after phase, handle it and then wait before answering.</summary>
    Latency,
}
