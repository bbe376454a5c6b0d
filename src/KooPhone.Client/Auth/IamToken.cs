using System;
using System.Security;

namespace KooPhone.Client.Auth
{
    /// <summary>A token IAM issued, kept as a SecureString, with when it stops working.</summary>
    internal sealed class IamToken : IDisposable
    {
        public IamToken(SecureString value, DateTime expiresAt, string? projectId)
        {
            Value = value;
            ExpiresAt = expiresAt;
            ProjectId = projectId;
            ObtainedAt = DateTime.UtcNow;
        }

        /// <summary>When the client received it, by the clock of whoever keeps it: with ExpiresAt, how long it was issued for.</summary>
        public DateTime ObtainedAt { get; internal set; }

        public SecureString Value { get; }

        public DateTime ExpiresAt { get; }

        public string? ProjectId { get; }

        public void Dispose() => Value.Dispose();
    }
}
