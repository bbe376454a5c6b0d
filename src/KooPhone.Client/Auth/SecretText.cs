using System;
using System.Runtime.InteropServices;
using System.Security;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// The one place a SecureString is turned into text, for the moment a header needs it.
    /// The plain copy lives only on the stack of the caller that puts it on the wire.
    /// </summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret)
        {
            if (secret == null)
            {
                throw new ArgumentNullException(nameof(secret));
            }

            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>Wraps text (from the environment, say) in a read-only SecureString.</summary>
        public static SecureString Protect(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
