using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Turns what is given to -InstanceId into id strings, and refuses anything that is not one.
    /// </summary>
    /// <remarks>
    /// PowerShell binds pipeline input by value before it tries property names, and by value it
    /// would convert any object to a string: a hashtable became "System.Collections.Hashtable" and
    /// was sent to the service. A transformation runs on the first binding attempt and sees the
    /// whole object, so it decides here: a string (or a whole number) is an id; an object gives its
    /// InstanceId, Id or instance_id property, which must hold a string; anything else is refused
    /// with an error that names it. An object-typed by-value parameter would have done the same but
    /// captured every object before by-property-name binding runs.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InstanceIdTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The property names an id is read from, in this order (the parameter's name and aliases).</summary>
        private static readonly string[] IdProperties = { "InstanceId", "Id", "instance_id" };

        private const int MaxShownLength = 60;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value == null || value is string)
            {
                return value;
            }

            if (value is IList list)
            {
                // An array of ids (-InstanceId a,b, or several Get-KooPhoneInstance objects) is fine;
                // an array inside it is not an id, and its text would not be one either.
                var ids = new List<string?>(list.Count);
                foreach (var element in list)
                {
                    var item = Unwrap(element);
                    ids.Add(item == null ? null : IdOf(item, element!, insideArray: true));
                }

                return ids.ToArray();
            }

            return IdOf(value, inputData!, insideArray: false);
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string IdOf(object value, object original, bool insideArray)
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
                throw Refuse(value, original, "a hashtable's keys are not read as properties; pipe [pscustomobject]@{ InstanceId = '…' } or the id itself");
            }

            if (value is IEnumerable)
            {
                throw Refuse(value, original, insideArray ? "it is an array inside the array of ids" : "it is a collection, not an id");
            }

            var properties = PSObject.AsPSObject(original).Properties;
            foreach (var name in IdProperties)
            {
                var property = properties[name];
                if (property == null)
                {
                    continue;
                }

                var id = Unwrap(SafeValue(property));
                if (id == null || id is string)
                {
                    return (string?)id!;
                }

                throw Refuse(value, original, $"its {property.Name} property is a {id.GetType().Name}, not an instance id string");
            }

            throw Refuse(value, original, "it has no InstanceId, Id or instance_id property");
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        private static bool IsWholeNumber(object value) =>
            value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is ushort || value is sbyte;

        // The object is shown as PowerShell would print it (a PSCustomObject as @{Foo=bar}).
        private static ArgumentTransformationMetadataException Refuse(object value, object original, string why)
        {
            var shown = PSObject.AsPSObject(original).ToString();
            if (shown.Length > MaxShownLength)
            {
                shown = shown.Substring(0, MaxShownLength) + "…";
            }

            return new ArgumentTransformationMetadataException(
                $"'{shown}' ({value.GetType().FullName}) is not an instance id: {why}. Nothing was sent for it. " +
                "Give id strings, or objects with an InstanceId property such as Get-KooPhoneInstance's output or Import-Csv rows.");
        }
    }
}
