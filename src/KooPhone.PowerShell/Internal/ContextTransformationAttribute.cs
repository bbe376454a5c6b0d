using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Lets -Context take a context's name as well as the context, and gives a context that came
    /// through serialization (Start-Job, remoting) a clear error instead of PowerShell's "cannot
    /// convert Deserialized.…" binding error. Anything else is left to the binder.
    /// </summary>
    public sealed class ContextTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The type name PowerShell gives a KooPhoneContext that was serialized and read back.</summary>
        internal static readonly string DeserializedTypeName = "Deserialized." + typeof(KooPhoneContext).FullName;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case KooPhoneContext _:
                case null:
                    return value;
                case string name:
                    return KooPhoneContextRegistry.Find(name)
                        ?? throw new ArgumentTransformationMetadataException($"This session has no KooPhone context named '{name}'. Get-KooPhoneContext -ListAvailable lists the names; Connect-KooPhone -Name names a new one.");
            }

            if (inputData is PSObject bag && bag.TypeNames.Contains(DeserializedTypeName))
            {
                throw new ArgumentTransformationMetadataException(ConnectionHelp.Deserialized(bag.Properties["Name"]?.Value?.ToString()));
            }

            return inputData;
        }
    }
}
