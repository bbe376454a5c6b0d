using System;
using System.Collections.Generic;

namespace KooPhone.Client.Runs.Blob
{
    /// <summary>How a blob journal is reached, in the order Azure users expect.</summary>
    internal enum BlobJournalAccessKind
    {
        /// <summary>A SAS in the URL, or in a matching connection string's SharedAccessSignature.</summary>
        Sas,

        /// <summary>The account key of AZURE_STORAGE_CONNECTION_STRING, whose account is the URL's.</summary>
        SharedKey,

        /// <summary>A managed identity (Azure Automation's), system-assigned or the client id given.</summary>
        ManagedIdentity,
    }

    /// <summary>
    /// The credential a blob journal is opened with: a SAS in the URL; else
    /// AZURE_STORAGE_CONNECTION_STRING when its account is the URL's (its key, or its SAS,
    /// always against the URL's endpoint); else a managed identity, user-assigned when
    /// KOOPHONE_JOURNAL_CLIENT_ID (or AZURE_CLIENT_ID) names its client id. No Azure types, so
    /// the choice is tested without them. Holds secrets: never shown.
    /// </summary>
    internal sealed class BlobJournalAccess
    {
        public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";
        public const string ClientIdVariable = "KOOPHONE_JOURNAL_CLIENT_ID";
        public const string AzureClientIdVariable = "AZURE_CLIENT_ID";

        // Azurite's and the storage emulator's one account and its key, published by Microsoft
        // for every emulator (what UseDevelopmentStorage=true stands for): not a secret.
        private const string DevelopmentAccount = "devstoreaccount1";
        private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        private BlobJournalAccess(BlobJournalAccessKind kind, string? secret = null, string? clientId = null)
        {
            Kind = kind;
            Secret = secret;
            ClientId = clientId;
        }

        public BlobJournalAccessKind Kind { get; }

        /// <summary>The SAS (without '?') or the account key.</summary>
        public string? Secret { get; }

        /// <summary>A user-assigned identity's client id; null for the system-assigned one.</summary>
        public string? ClientId { get; }

        /// <summary>What the process's environment gives for <paramref name="url"/>.</summary>
        public static BlobJournalAccess For(BlobJournalUrl url) => For(url, Environment.GetEnvironmentVariable);

        public static BlobJournalAccess For(BlobJournalUrl url, Func<string, string?> environment)
        {
            if (url.Sas != null)
            {
                return new BlobJournalAccess(BlobJournalAccessKind.Sas, url.Sas);
            }

            var settings = Settings(environment(ConnectionStringVariable));
            if (string.Equals(AccountOf(settings), url.Account, StringComparison.OrdinalIgnoreCase))
            {
                if (settings.TryGetValue("AccountKey", out var key) && key.Length > 0)
                {
                    return new BlobJournalAccess(BlobJournalAccessKind.SharedKey, key);
                }

                if (settings.TryGetValue("SharedAccessSignature", out var sas) && sas.Length > 0)
                {
                    return new BlobJournalAccess(BlobJournalAccessKind.Sas, sas.TrimStart('?'));
                }

                if (IsDevelopment(settings))
                {
                    return new BlobJournalAccess(BlobJournalAccessKind.SharedKey, DevelopmentKey);
                }
            }

            var clientId = environment(ClientIdVariable);
            if (string.IsNullOrWhiteSpace(clientId))
            {
                clientId = environment(AzureClientIdVariable);
            }

            return new BlobJournalAccess(BlobJournalAccessKind.ManagedIdentity, clientId: string.IsNullOrWhiteSpace(clientId) ? null : clientId!.Trim());
        }

        /// <summary>How the journal was reached, for messages: never the secret.</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case BlobJournalAccessKind.Sas:
                    return "with a SAS";
                case BlobJournalAccessKind.SharedKey:
                    return $"with the account key of {ConnectionStringVariable}";
                default:
                    return ClientId == null ? "with the system-assigned managed identity" : $"with the managed identity of client id {ClientId}";
            }
        }

        // A connection string's settings: Key=Value pairs split at ';' (a value may hold '=').
        private static Dictionary<string, string> Settings(string? connectionString)
        {
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in (connectionString ?? "").Split(';'))
            {
                var equals = part.IndexOf('=');
                if (equals > 0)
                {
                    settings[part.Substring(0, equals).Trim()] = part.Substring(equals + 1).Trim();
                }
            }

            return settings;
        }

        private static bool IsDevelopment(Dictionary<string, string> settings) =>
            settings.TryGetValue("UseDevelopmentStorage", out var development) && string.Equals(development, "true", StringComparison.OrdinalIgnoreCase);

        private static string? AccountOf(Dictionary<string, string> settings)
        {
            if (settings.TryGetValue("AccountName", out var account) && account.Length > 0)
            {
                return account;
            }

            if (IsDevelopment(settings))
            {
                return DevelopmentAccount;
            }

            // A SAS-only connection string names its account in its endpoint.
            if (settings.TryGetValue("BlobEndpoint", out var endpoint) && Uri.TryCreate(endpoint.TrimEnd('/') + "/c/b", UriKind.Absolute, out _))
            {
                try
                {
                    return BlobJournalUrl.Parse(endpoint.TrimEnd('/') + "/c/b").Account;
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
