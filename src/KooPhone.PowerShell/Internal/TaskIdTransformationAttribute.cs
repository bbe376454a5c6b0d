using System;
using System.Collections;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Turns what is given to -TaskId into task id strings, and refuses anything that is not one.
    /// </summary>
    /// <remarks>
    /// By value an Import-Csv row became a task named "@{InstanceId=…; TaskId=…}" before this (see
    /// <see cref="IdTransformationAttribute"/>). A string is an id; an object gives its TaskId
    /// property, an empty one as "" (the cmdlet then reports the row), and its other properties
    /// (JobId, InstanceId, Operation, SubmittedAt) still bind by name, so a row read back from a
    /// file resumes with its instance. An object without a TaskId property is refused. A live
    /// KooPhoneJobResult never gets here: it binds to -InputObject by its exact type first.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TaskIdTransformationAttribute : IdTransformationAttribute
    {
        private const string TaskIdProperty = "TaskId";

        protected override string? NullElement => "";

        protected override string IdOf(object value, object original, bool insideArray)
        {
            if (value is string text)
            {
                return text;
            }

            var property = PSObject.AsPSObject(original).Properties[TaskIdProperty];
            if (property == null || value is IDictionary || value is IEnumerable)
            {
                throw Refuse(value, original, "a task id", "it has no TaskId property",
                    "Nothing was polled for it. Give task id strings, or objects with a TaskId property such as Backup-KooPhoneInstance's results, their Import-Csv rows or Get-KooPhoneRun's entries.");
            }

            return ValueOf(property) as string ?? "";
        }
    }
}
