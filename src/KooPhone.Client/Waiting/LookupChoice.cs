using KooPhone.Client.Api;

namespace KooPhone.Client.Waiting
{
    /// <summary>How to read some instances: a query per id, or one listing of the fleet filtered locally.</summary>
    internal sealed class LookupChoice
    {
        public LookupChoice(InstancePage? firstPage, int pages, bool listAll)
        {
            FirstPage = firstPage;
            Pages = pages;
            ListAll = listAll;
        }

        /// <summary>Page 1 of the whole fleet when it was read to decide, so that it is not read twice; null otherwise.</summary>
        public InstancePage? FirstPage { get; }

        /// <summary>The fleet's page count as page 1 told it, or int.MaxValue when unknown.</summary>
        public int Pages { get; }

        /// <summary>True when listing every page costs no more calls than a query per id still to read.</summary>
        public bool ListAll { get; }
    }
}
