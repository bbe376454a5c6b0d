using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Turns what is given to -TaskId into task id strings, and refuses anything that is not one.
    /// </summary>
    /// <remarks>
    /// By value PowerShell would convert any object to a string, so an Import-Csv row became a
    /// task named "@{InstanceId=…; TaskId=…}". A string is an id; an object gives its TaskId
    /// property, an empty one as "" (the cmdlet then reports the row), and its other properties
    /// (JobId, InstanceId, Operation, SubmittedAt) still bind by name, so a row read back from a
    /// file resumes with its instance. An object without a TaskId property is refused with an
    /// error that names it. A live KooPhoneJobResult never gets here: it binds to -InputObject by
    /// its exact type first.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TaskIdTransformationAttribute : ArgumentTransformationAttribute
    {
        private const string TaskIdProperty = "TaskId";
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
                var ids = new List<string>(list.Count);
                foreach (var element in list)
                {
                    ids.Add(IdOf(element));
                }

                return ids.ToArray();
            }

            return IdOf(inputData);
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string IdOf(object? original)
        {
            var value = Unwrap(original);
            if (value == null)
            {
                return "";
            }

            if (value is string text)
            {
                return text;
            }

            var property = PSObject.AsPSObject(original!).Properties[TaskIdProperty];
            if (property == null || value is IDictionary || value is IEnumerable)
            {
                throw Refuse(value, original!);
            }

            object? id;
            try
            {
                id = Unwrap(property.Value);
            }
            catch (GetValueException)
            {
                id = null;
            }

            return id as string ?? "";
        }

        private static ArgumentTransformationMetadataException Refuse(object value, object original)
        {
            var shown = PSObject.AsPSObject(original).ToString();
            if (shown.Length > MaxShownLength)
            {
                shown = shown.Substring(0, MaxShownLength) + "…";
            }

            return new ArgumentTransformationMetadataException(
                $"'{shown}' ({value.GetType().FullName}) is not a task id: it has no TaskId property. Nothing was polled for it. " +
                "Give task id strings, or objects with a TaskId property such as Backup-KooPhoneInstance's results, their Import-Csv rows or Get-KooPhoneRun's entries.");
        }
    }
}
