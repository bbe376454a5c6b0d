using System;
using System.Collections.Generic;
using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// What a success answer of one operation must look like: error_code "0" (at the top, or
    /// inside data for ListInstances) and the data members the caller cannot do without. An answer
    /// that says less is malformed, never success.
    /// </summary>
    internal sealed class SuccessShape
    {
        private SuccessShape(IReadOnlyList<DataMember> mandatoryData, bool codeInsideData, bool acceptsNestedData)
        {
            MandatoryData = mandatoryData;
            CodeInsideData = codeInsideData;
            AcceptsNestedData = acceptsNestedData;
        }

        /// <summary>Success is error_code "0" alone; data, when present, is not looked at (DeleteInstance answers data: null).</summary>
        public static SuccessShape CodeOnly { get; } = new SuccessShape(Array.Empty<DataMember>(), false, false);

        /// <summary>The task every task operation answers with on current releases: task_id and one cmd_job per instance.</summary>
        public static SuccessShape Task { get; } = WithData(new DataMember("task_id", DataKind.Text), new DataMember("cmd_jobs", DataKind.List));

        /// <summary>error_code "0" and an object data carrying these members.</summary>
        public static SuccessShape WithData(params DataMember[] members) => new SuccessShape(members, false, false);

        /// <summary>The members data must carry; empty when error_code "0" alone is success.</summary>
        public IReadOnlyList<DataMember> MandatoryData { get; }

        public bool RequiresData => MandatoryData.Count > 0;

        /// <summary>True for ListInstances, whose error_code and error_msg live inside data.</summary>
        public bool CodeInsideData { get; }

        /// <summary>True for InstallApp, which SDK releases before 3.1.207 wrapped once more, as data.data.</summary>
        public bool AcceptsNestedData { get; }

        /// <summary>The same shape with error_code read inside data too.</summary>
        public SuccessShape WithCodeInsideData() => new SuccessShape(MandatoryData, true, AcceptsNestedData);

        /// <summary>The same shape, also satisfied by data.data.</summary>
        public SuccessShape AcceptingNestedData() => new SuccessShape(MandatoryData, CodeInsideData, true);

        /// <summary>Null when the answer's data fits; otherwise what is missing or of the wrong kind.</summary>
        internal string? CheckData(JsonElement root)
        {
            if (!RequiresData)
            {
                return null;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
            {
                return "no 'data'";
            }

            if (data.ValueKind != JsonValueKind.Object)
            {
                return $"'data' that is {data.ValueKind}, not an object";
            }

            if (AcceptsNestedData && !data.TryGetProperty(MandatoryData[0].Name, out _)
                && data.TryGetProperty("data", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                data = nested;
            }

            foreach (var member in MandatoryData)
            {
                var problem = member.Check(data);
                if (problem != null)
                {
                    return "'data' with " + problem;
                }
            }

            return null;
        }
    }
}
