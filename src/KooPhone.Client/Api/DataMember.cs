using System.Globalization;
using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>One member a success answer's data must carry, with the kind it must have.</summary>
    internal sealed class DataMember
    {
        public DataMember(string name, DataKind kind)
        {
            Name = name;
            Kind = kind;
        }

        /// <summary>The wire name inside data, e.g. task_id.</summary>
        public string Name { get; }

        public DataKind Kind { get; }

        /// <summary>Null when data carries the member with the right kind; otherwise what is wrong.</summary>
        internal string? Check(JsonElement data)
        {
            if (!data.TryGetProperty(Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return $"no '{Name}'";
            }

            return Fits(value) ? null : $"'{Name}' that is {value.ValueKind}, not {Kind}";
        }

        private bool Fits(JsonElement value)
        {
            switch (Kind)
            {
                case DataKind.Text:
                    return value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
                case DataKind.Number:
                    return value.ValueKind == JsonValueKind.Number
                        || (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                case DataKind.List:
                    return value.ValueKind == JsonValueKind.Array;
                default:
                    return value.ValueKind == JsonValueKind.Object;
            }
        }

        public override string ToString() => Name + " (" + Kind + ")";
    }
}
