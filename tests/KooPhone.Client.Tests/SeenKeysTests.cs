using KooPhone.Client.Batching;
using Xunit;

namespace KooPhone.Client.Tests;

public class SeenKeysTests
{
    [Fact]
    public void Tells_new_keys_from_repeated_ones_exactly()
    {
        var seen = new SeenKeys();
        Assert.True(seen.Add("a44uhlf7"));
        Assert.False(seen.Add("a44uhlf7"));
        Assert.True(seen.Add("A44uhlf7"));          // ids are case-sensitive
        Assert.True(seen.Add("a44uhlf"));           // a prefix is another id
        Assert.True(seen.Add("a44uhlf7x"));         // nine characters: kept as text
        Assert.False(seen.Add("a44uhlf7x"));
        Assert.True(seen.Add("é"));                  // not ASCII: kept as text
        Assert.False(seen.Add("é"));
        Assert.True(seen.Add(""));
        Assert.False(seen.Add(""));
        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public void Never_mistakes_one_short_id_for_another()
    {
        var seen = new SeenKeys();
        var alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var ids = new HashSet<string>();
        var random = new Random(7);
        while (ids.Count < 200_000)
        {
            var length = random.Next(1, 9);
            ids.Add(new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }

        Assert.All(ids, id => Assert.True(seen.Add(id)));
        Assert.All(ids, id => Assert.False(seen.Add(id)));
        Assert.Equal(ids.Count, seen.Count);
    }

    [Fact]
    public void Contains_finds_exactly_the_keys_added()
    {
        var seen = new SeenKeys();
        var added = Enumerable.Range(0, 50_000).Select(i => $"i{i:x7}").ToList();
        foreach (var id in added.Where((_, i) => i % 2 == 0))
        {
            seen.Add(id);
        }

        seen.Add("a-long-id-kept-as-text");
        Assert.All(added.Select((id, i) => (id, i)), x => Assert.Equal(x.i % 2 == 0, seen.Contains(x.id)));
        Assert.True(seen.Contains("a-long-id-kept-as-text"));
        Assert.False(seen.Contains("a-long-id-kept-as-tex"));
        Assert.False(seen.Contains(""));
        seen.Add("");
        Assert.True(seen.Contains(""));
    }
}
