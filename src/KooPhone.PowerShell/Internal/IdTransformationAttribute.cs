using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// What the id transformations share (-InstanceId, -TaskId): PowerShell binds pipeline input
    /// by value before it tries property names, and by value it would turn any object into a
    /// string and send it. A transformation runs on the first binding attempt and sees the whole
    /// object, so it decides: a string is an id, an array is a list of ids, and anything else is
    /// read by the subclass (<see cref="IdOf"/>) or refused with an error that names it.
    /// </summary>
    public abstract class IdTransformationAttribute : ArgumentTransformationAttribute
    {
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
                var ids = new List<string?>(list.Count);
                foreach (var element in list)
                {
                    var item = Unwrap(element);
                    ids.Add(item == null ? NullElement : IdOf(item, element!, insideArray: true));
                }

                return ids.ToArray();
            }

            return IdOf(value, inputData!, insideArray: false);
        }

        /// <summary>What a null inside an array of ids stands for.</summary>
        protected abstract string? NullElement { get; }

        /// <summary>The id an object stands for; throws <see cref="Refuse"/> for one that is not an id.</summary>
        protected abstract string IdOf(object value, object original, bool insideArray);

        protected static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>A property's value, or null when reading it fails.</summary>
        protected static object? ValueOf(PSPropertyInfo property)
        {
            try
            {
                return Unwrap(property.Value);
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        /// <summary>The error for an object that is not an id, naming it as PowerShell would print it (a PSCustomObject as @{Foo=bar}).</summary>
        protected static ArgumentTransformationMetadataException Refuse(object value, object original, string what, string why, string advice)
        {
            var shown = PSObject.AsPSObject(original).ToString();
            if (shown.Length > MaxShownLength)
            {
                shown = shown.Substring(0, MaxShownLength) + "…";
            }

            return new ArgumentTransformationMetadataException($"'{shown}' ({value.GetType().FullName}) is not {what}: {why}. {advice}");
        }
    }
}
