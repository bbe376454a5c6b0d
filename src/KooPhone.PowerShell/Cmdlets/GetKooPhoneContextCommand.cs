using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Shows which KooPhone connection the cmdlets use, or every connection of the session.</para>
    /// <para type="description">Get-KooPhoneContext returns the connection the cmdlets use when no -Context is given: the default Connect-KooPhone or Select-KooPhoneContext set, or, when nothing was connected, the one the environment variables describe. Its Source says which; AuthenticationMode says how it proves itself. Nothing is returned when there is no connection at all.</para>
    /// <para type="description">With -ListAvailable it returns every connection of this session (and the environment's, when its variables are set), as Get-AzContext -ListAvailable does; IsDefault marks the one in use. Each has a Name: the one given to Connect-KooPhone -Name, or host/project/account. Pass the name to Select-KooPhoneContext to make it the default, or to -Context of any cmdlet.</para>
    /// <para type="description">A context never shows or serializes the token or keys: they stay inside it, so a context sent to Start-Job or through remoting arrives without them and is refused there.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneContext</code>
    ///   <para>Shows name, endpoint, region, authentication mode and source of the connection in use.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneContext -ListAvailable</code>
    ///   <para>Lists the connections of this session; IsDefault marks the one the cmdlets use.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneContext -Name prod, lab</code>
    ///   <para>Returns the connections named prod and lab.</para>
    /// </example>
    /// <example>
    ///   <code>if (-not (Get-KooPhoneContext)) { Connect-KooPhone -Token $token }</code>
    ///   <para>Connects only when no connection is available yet.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneContext", DefaultParameterSetName = CurrentSet)]
    [OutputType(typeof(KooPhoneContext))]
    public sealed class GetKooPhoneContextCommand : PSCmdlet
    {
        private const string CurrentSet = "Current";
        private const string ListSet = "ListAvailable";
        private const string NameSet = "Name";

        /// <summary>
        /// <para type="description">Returns every connection of this session (and the environment's, when its variables are set) instead of the one in use.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter ListAvailable { get; set; }

        /// <summary>
        /// <para type="description">Returns the connections with these names (wildcards allowed); an error names any that matches none.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Name { get; set; } = null!;

        protected override void EndProcessing()
        {
            try
            {
                switch (ParameterSetName)
                {
                    case ListSet:
                        WriteObject(Everything(), enumerateCollection: true);
                        break;
                    case NameSet:
                        WriteNamed(Everything());
                        break;
                    default:
                        var context = KooPhoneContextRegistry.Current();
                        if (context != null)
                        {
                            WriteObject(context);
                        }

                        break;
                }
            }
            catch (ArgumentException e)
            {
                WriteError(new ErrorRecord(e, "KooPhone.InvalidEnvironment", ErrorCategory.InvalidArgument, null));
            }
        }

        private static List<KooPhoneContext> Everything()
        {
            var all = KooPhoneContextRegistry.Available().ToList();
            var environment = KooPhoneContextRegistry.FromEnvironment();
            if (environment != null)
            {
                all.Add(environment);
            }

            return all;
        }

        private void WriteNamed(IReadOnlyList<KooPhoneContext> all)
        {
            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"This session has no KooPhone context named '{name}'. Get-KooPhoneContext -ListAvailable lists the names."),
                        "KooPhone.ContextNotFound", ErrorCategory.ObjectNotFound, name));
                }

                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
