using Colo.Gen.Qemu;
using Xunit;

namespace Colo.Gen.Tests.Qemu;

public sealed class QemuOptionValueTests
{
    [Theory]
    [InlineData("/images/guest.img", "/images/guest.img")]
    [InlineData("a,b", "a,,b")]
    [InlineData(",if=none,id=x", ",,if=none,,id=x")]
    [InlineData("a,,b", "a,,,,b")]
    [InlineData("", "")]
    [InlineData("x=y:z\tw é", "x=y:z\tw é")]
    public void Commas_are_doubled_and_nothing_else_changes(string raw, string escaped)
    {
        QemuOptionValueResult result = QemuOptionValue.Escape(raw, "target");
        Assert.True(result.Succeeded);
        Assert.Equal(escaped, result.Value!.Escaped);
        Assert.Equal(raw, result.Value.Raw);
    }

    [Theory]
    [InlineData("a\0b", "a NUL character")]
    [InlineData("a\nb", "a line break")]
    [InlineData("a\rb", "a line break")]
    public void Characters_qemu_cannot_take_are_an_error_not_an_exception(string raw, string problem)
    {
        QemuOptionValueResult result = QemuOptionValue.Escape(raw, "target");
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Contains(problem, result.Error, System.StringComparison.Ordinal);
        Assert.StartsWith("target \"a", result.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_an_error()
    {
        // Built at run time: attribute metadata cannot hold an unpaired surrogate.
        string raw = "a" + (char)0xD800 + "b";
        QemuOptionValueResult result = QemuOptionValue.Escape(raw, "target");
        Assert.False(result.Succeeded);
        Assert.Contains("an unpaired UTF-16 surrogate", result.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_is_a_character_like_any_other() =>
        Assert.Equal("\ud83d\ude00,,", QemuOptionValue.Escape("\ud83d\ude00,", "target").Value!.Escaped);

    /// <summary>Splits an option string as QEMU's QemuOpts does: a lone comma ends a value, a doubled one is a comma.</summary>
    internal static System.Collections.Generic.List<string> SplitLikeQemu(string options)
    {
        var parts = new System.Collections.Generic.List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < options.Length; i++)
        {
            if (options[i] == ',' && i + 1 < options.Length && options[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (options[i] == ',')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(options[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    [Theory]
    [InlineData("/x,if=none,id=evil")]
    [InlineData("/x,,,if=none")]
    [InlineData(",")]
    [InlineData("/x,")]
    public void An_escaped_value_stays_one_option_when_qemu_splits_the_string(string raw)
    {
        string option = $"file={QemuOption(raw)},if=ide";
        Assert.Equal([$"file={raw}", "if=ide"], SplitLikeQemu(option));
    }

    private static string QemuOption(string raw) => QemuOptionValue.Escape(raw, "target").Value!.Escaped;
}
