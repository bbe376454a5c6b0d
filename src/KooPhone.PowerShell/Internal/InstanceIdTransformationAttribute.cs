using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Turns what is given to -InstanceId into id strings, and refuses anything that is not one.
    /// </summary>
    /// <remarks>
    /// A hashtable became "System.Collections.Hashtable" and was sent to the service before this
    /// (see <see cref="IdTransformationAttribute"/>). A string (or a whole number) is an id; an
    /// object gives its InstanceId, Id or instance_id property, which must hold a string (a
    /// process's numeric Id is not an instance id); anything else is refused. An object-typed
    /// by-value parameter would have done the same but captured every object before
    /// by-property-name binding runs.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InstanceIdTransformationAttribute : IdTransformationAttribute
    {
        /// <summary>The property names an id is read from, in this order (the parameter's name and aliases).</summary>
        private static readonly string[] IdProperties = { "InstanceId", "Id", "instance_id" };

        protected override string? NullElement => null;

        protected override string IdOf(object value, object original, bool insideArray)
        {
            if (value is string text)
            {
                return text;
            }

            if (IsWholeNumber(value))
            {
                // A numeric id typed without quotes arrives as a number.
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }

            if (value is IDictionary)
            {
                throw Refused(value, original, "a hashtable's keys are not read as properties; pipe [pscustomobject]@{ InstanceId = '…' } or the id itself");
            }

            if (value is IEnumerable)
            {
                throw Refused(value, original, insideArray ? "it is an array inside the array of ids" : "it is a collection, not an id");
            }

            var properties = PSObject.AsPSObject(original).Properties;
            foreach (var name in IdProperties)
            {
                var property = properties[name];
                if (property == null)
                {
                    continue;
                }

                var id = ValueOf(property);
                if (id == null || id is string)
                {
                    return (string?)id!;
                }

                throw Refused(value, original, $"its {property.Name} property is a {id.GetType().Name}, not an instance id string");
            }

            throw Refused(value, original, "it has no InstanceId, Id or instance_id property");
        }

        private static bool IsWholeNumber(object value) =>
            value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is ushort || value is sbyte;

        private static ArgumentTransformationMetadataException Refused(object value, object original, string why) =>
            Refuse(value, original, "an instance id", why,
                "Nothing was sent for it. Give id strings, or objects with an InstanceId property such as Get-KooPhoneInstance's output or Import-Csv rows.");
    }
}
