using System;
using System.Net.Http;
using KooPhone.Client.Api;

namespace KooPhone.Client.Waiting
{
    /// <summary>Which failures of a poll are facts about that poll, to be kept on its results and asked again next round.</summary>
    internal static class PollFailure
    {
        // A call that failed after its retries, or an answer that could not be read: about this
        // poll only. A refused credential (401, 403) still ends the wait, as no later round could
        // succeed; so do cancellation and faults of the module itself.
        public static bool IsAboutThisPoll(Exception e) =>
            (e is KooPhoneApiException api && api.HttpStatus != 401 && api.HttpStatus != 403)
            || e is KooPhoneConnectionException || e is HttpRequestException;
    }
}
