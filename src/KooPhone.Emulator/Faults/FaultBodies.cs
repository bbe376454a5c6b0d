namespace KooPhone.Emulator.Faults;

/// <summary>The fixed bodies of the malformed-answer faults.</summary>
public static class FaultBodies
{
    /// <summary>A JSON body cut off mid-way, as a broken proxy or a truncated read would deliver it.</summary>
    public const string Garbage = "{\"error_code\":\"0\",\"da";

    /// <summary>The body stall and cut announce (its Content-Length); only its first <see cref="PartLength"/> bytes are sent.</summary>
    public const string Whole = "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{}}";

    /// <summary>How much of <see cref="Whole"/> stall and cut send: <c>{"error_code":"0","er</c>.</summary>
    public const int PartLength = 21;

    /// <summary>Success without the data every operation needs.</summary>
    public const string NoData = "{\"error_code\":\"0\",\"error_msg\":\"ok\"}";

    /// <summary>Success whose data fields all have the wrong JSON types for every operation.</summary>
    public const string WrongType =
        "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"task_id\":5,\"cmd_jobs\":\"x\",\"result\":\"x\",\"jobs\":\"x\",\"status_results\":\"x\"}}";

    /// <summary>A 200 that says nothing: a message without error_code or data, as an overloaded backend may send.</summary>
    public const string Busy = "{\"error_msg\":\"System busy, try again later\"}";

    /// <summary>Success with data null.</summary>
    public const string NullData = "{\"error_code\":\"0\",\"data\":null}";

    /// <summary>Success with data an empty object.</summary>
    public const string EmptyData = "{\"error_code\":\"0\",\"data\":{}}";

    /// <summary>
    /// Success whose data has objects where every operation's arrays belong (cmd_jobs,
    /// status_results, cmd_results, status_list, jobs, result) and an array where task_id's string belongs.
    /// </summary>
    public const string WrongShape =
        "{\"error_code\":\"0\",\"error_msg\":\"ok\",\"data\":{\"task_id\":[\"x\"],\"cmd_jobs\":{\"job_id\":\"x\"}," +
        "\"status_results\":{\"instance_id\":\"x\",\"status\":2},\"cmd_results\":{},\"status_list\":{},\"jobs\":{},\"result\":{}}}";

    /// <summary>A 200 whose error_code is empty: no success, and no refusal's code either.</summary>
    public const string EmptyCode = "{\"error_code\":\"\",\"error_msg\":\"ok\"}";

    /// <summary>A 200 with a zero code in the plain shape (code/message) and no error_code, which the reference documents for no success.</summary>
    public const string CodeZero = "{\"code\":\"0\",\"message\":\"ok\"}";

    /// <summary>IAM's refusal of a request its policies do not allow; IAM's shape has no error_code.</summary>
    public const string Iam =
        "{\"error\":{\"code\":403,\"message\":\"You do not have permission to perform the requested action.\",\"title\":\"Forbidden\"}}";

    /// <summary>The kind of error page a load balancer in front of the gateway serves.</summary>
    public const string Html =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
        "<hr><center>API Gateway</center>\r\n</body>\r\n</html>\r\n";
}
