using System.Linq;
using KooPhone.Client.Batching;
using Xunit;

namespace KooPhone.Client.Tests;

public class CompactKeyListTests
{
    [Fact]
    public void Gives_back_every_key_exactly_in_the_order_added()
    {
        var keys = new[] { "a44uhlf7", "", "A44uhlf7", "a44uhlf7x", "é", "z", "0123456789abcdef0123456789abcdef", "a44uhlf7" };
        var list = new CompactKeyList();
        foreach (var key in keys)
        {
            list.Add(key);
        }

        Assert.Equal(keys.Length, list.Count);
        Assert.Equal(keys, list.ToArray());
    }

    [Fact]
    public void Round_trips_every_printable_ascii_character_in_every_position()
    {
        var list = new CompactKeyList();
        var expected = Enumerable.Range(0x20, 0x5F)
            .Select(c => new string((char)c, 1) + "abcdef" + (char)c)
            .ToArray();
        foreach (var key in expected)
        {
            list.Add(key);
        }

        Assert.Equal(expected, list.ToArray());
    }
}
