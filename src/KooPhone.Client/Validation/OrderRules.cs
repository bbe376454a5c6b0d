using System.Collections.Generic;

namespace KooPhone.Client.Validation
{
    /// <summary>CreateInstance's limits, checked before an order is placed.</summary>
    internal static class OrderRules
    {
        public const int MaxNamePrefixLength = 14;
        public const int MaxSkuIdLength = 64;

        /// <summary>
        /// The most instances one order may hold: the SDK's documented maximum (InstanceCreateReq
        /// count, "maximum: 2000"). The API page says 1500; the looser of the two is checked, and
        /// the service decides between them (docs/api-reference.md §10 item 12).
        /// </summary>
        public const int MaxCount = 2000;

        public static IReadOnlyList<string> Check(string namePrefix, int count, bool yearly, int periodCount, string instanceSkuId, string bandwidthSkuId, string regionId, double bandwidth)
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(namePrefix) || namePrefix.Length > MaxNamePrefixLength)
            {
                problems.Add($"The name prefix must have 1 to {MaxNamePrefixLength} characters.");
            }

            if (count < 1 || count > MaxCount)
            {
                problems.Add($"The count {count} is not from 1 to {MaxCount}, the most one order may hold.");
            }

            if (yearly ? periodCount < 1 || periodCount > 3 : periodCount < 1 || periodCount > 9)
            {
                problems.Add(yearly ? $"A yearly period of {periodCount} is not from 1 to 3 years." : $"A monthly period of {periodCount} is not from 1 to 9 months.");
            }

            foreach (var (name, value) in new[] { ("instance SKU id", instanceSkuId), ("bandwidth SKU id", bandwidthSkuId), ("region id", regionId) })
            {
                if (string.IsNullOrWhiteSpace(value) || value.Length > MaxSkuIdLength)
                {
                    problems.Add($"The {name} must have 1 to {MaxSkuIdLength} characters.");
                }
            }

            if (bandwidth <= 0)
            {
                problems.Add("The bandwidth must be more than 0 Mbit/s.");
            }

            return problems;
        }
    }
}
