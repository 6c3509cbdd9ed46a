using System.Linq;
using Colo.Gen.Config;
using Xunit;

namespace Colo.Gen.Tests.Config;

/// <summary>The library API: getters with libxlutil's results and warnings, the disk list as xl reads it, xl's domain type.</summary>
public sealed class XlConfigApiTests
{
    private static XlConfig Read(string text) => XlConfig.Parse(text, "guest.cfg");

    [Theory]
    [InlineData("0x10", 16)]
    [InlineData("010", 8)]
    [InlineData("'  -12'", -12)]
    [InlineData("'+7'", 7)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("'-9223372036854775808'", long.MinValue)]
    public void Numbers_are_read_with_strtol_base_0(string value, long expected)
    {
        XlConfigLookup<long> number = Read($"n = {value}\n").GetLong("n");

        Assert.Equal(XlConfigLookupStatus.Found, number.Status);
        Assert.Equal(expected, number.Value);
        Assert.Null(number.Warning);
    }

    [Fact]
    public void A_default_lookup_is_missing_not_found()
    {
        XlConfigLookup<long> nothing = default;

        Assert.False(nothing.Found);
        Assert.Equal(XlConfigLookupStatus.Missing, nothing.Status);
        Assert.Equal(Read("m = 1\n").GetLong("n"), nothing);
    }

    [Theory]
    [InlineData("n = 12x\n", XlConfigLookupStatus.Invalid, "guest.cfg:1: warning: parameter `n' is not a valid number")]
    [InlineData("n = ''\n", XlConfigLookupStatus.Invalid, "guest.cfg:1: warning: parameter `n' is not a valid number")]
    [InlineData("n = 9223372036854775808\n", XlConfigLookupStatus.OutOfRange, "guest.cfg:1: warning: parameter `n' could not be parsed as a number: Numerical result out of range")]
    [InlineData("n = '1'\nn += '2'\n", XlConfigLookupStatus.Invalid, "guest.cfg:2: warning: can't use += with numbers for parameter `n'")]
    [InlineData("n = [ 1 ]\n", XlConfigLookupStatus.Invalid, "guest.cfg:1: warning: parameter `n' is a list but should be a single value")]
    [InlineData("m = 1\n", XlConfigLookupStatus.Missing, null)]
    public void A_number_that_is_not_one_gives_libxlutils_warning(string text, XlConfigLookupStatus status, string? warning)
    {
        XlConfigLookup<long> number = Read(text).GetLong("n");

        Assert.Equal((status, warning), (number.Status, number.Warning));
    }

    [Fact]
    public void Bounds_and_defbools_follow_libxlutil()
    {
        XlConfig config = Read("low = '-6'\nhigh = 101\nok = 100\noff = 0\non = 0x2\n");

        Assert.Equal("guest.cfg:1: warning: value `-6' is smaller than minimum bound '-5'", config.GetBoundedLong("low", -5, 100).Warning);
        Assert.Equal("guest.cfg:2: warning: value `101' is greater than maximum bound '100'", config.GetBoundedLong("high", -5, 100).Warning);
        Assert.Equal(100, config.GetBoundedLong("ok", -5, 100).Value);
        Assert.Equal(Defbool.False, config.GetDefbool("off").Value);
        Assert.Equal(Defbool.True, config.GetDefbool("on").Value);
        Assert.Equal(Defbool.Default, config.GetDefbool("absent").Value);
    }

    [Fact]
    public void The_last_setting_of_a_name_is_the_one_read()
    {
        XlConfig config = Read("name = 'first'\nname = 'second'\n");

        Assert.Equal("second", config.GetString("name").Value);
        Assert.Equal(2, config.Find("name")!.Line);
        Assert.Equal(2, config.Settings.Count);
    }

    [Fact]
    public void Lists_give_string_items_and_value_warnings_at_the_values_line()
    {
        XlConfig config = Read("l = [ 'a',\n [ 'b' ],\n 'c' ]\ns = 'x'\n");

        XlConfigValue list = config.GetList("l").Value!;
        Assert.Equal("a", list.StringItem(0)!.Text);
        Assert.Null(list.StringItem(1));
        Assert.Equal("c", list.StringItem(2)!.Text);
        Assert.Null(list.StringItem(3));
        Assert.Equal("guest.cfg:2:0: warning: value is not a string", config.ValueAsString(list.Items[1]).Warning);
        Assert.Equal("guest.cfg:1:0: warning: value is not a list", config.ValueAsList(list.Items[0]).Warning);
        Assert.Equal("guest.cfg:4: warning: parameter `s' is a single value but should be a list", config.GetList("s").Warning);
    }

    [Fact]
    public void Disks_are_read_until_the_first_item_that_is_not_a_string()
    {
        XlConfig config = Read("disk = [ 'vdev=xvda,target=/a', 'vdev=xvdb,target=/b', [ 'x' ], 'vdev=xvdc,target=/c' ]\n");

        XlConfigDisks disks = XlConfigDisks.Read(config);

        Assert.True(disks.Succeeded);
        Assert.Equal(["xvda", "xvdb"], disks.Disks.Select(d => d.Disk?.Vdev));
    }

    [Fact]
    public void A_disk_error_names_the_config_and_ends_the_list()
    {
        XlConfigDisks disks = XlConfigDisks.Read(Read("disk = [ 'vdev=xvda', 'vdev=xvdb,target=/b' ]\n"));

        Assert.False(disks.Succeeded);
        DiskParseResult only = Assert.Single(disks.Disks);
        Assert.Equal(["guest.cfg: config parsing error in disk specification: no target specified (and device not removable) in `vdev=xvda'"], only.Errors);
    }

    [Fact]
    public void A_disk_item_that_is_not_utf8_is_refused_not_replaced()
    {
        XlConfig config = XlConfig.Parse([.. "disk = [ 'vdev=xvda,target=/a"u8, 0xFF, .. "' ]\n"u8], "guest.cfg");

        XlConfigDisks disks = XlConfigDisks.Read(config);

        Assert.False(disks.Succeeded);
        Assert.Equal(["guest.cfg: config parsing error in disk specification: not valid UTF-8: near `\\xFF' in `vdev=xvda,target=/a\\xFF'"], disks.Disks.Single().Errors);
    }

    [Theory]
    [InlineData("a = 'x", 0xD800, "y'\n", 1, "\\uD800")]          // a lone high surrogate
    [InlineData("a = 1\nb = 'x'\nc = '", 0xDC00, "'\n", 3, "\\uDC00")] // a lone low surrogate, on line 3
    [InlineData("a = '", 0xDBFF, "", 1, "\\uDBFF")]                  // a high surrogate at the end
    public void Text_that_is_not_valid_unicode_is_a_failed_config_that_says_where(string before, int surrogate, string after, int line, string shown)
    {
        // The surrogate is put in here: an attribute's strings are stored as UTF-8, which has no lone surrogate.
        XlConfig config = XlConfig.Parse(before + (char)surrogate + after, "guest.cfg");

        Assert.False(config.Succeeded);
        Assert.Empty(config.Settings);
        Assert.Equal([$"guest.cfg:{line}: config parsing error near `{shown}': not valid Unicode (an unpaired UTF-16 surrogate)"], config.Messages);
    }

    [Fact]
    public void Text_with_surrogate_pairs_is_read_as_its_utf8_bytes()
    {
        XlConfig config = XlConfig.Parse("a = '\U0001F600'\n", "guest.cfg");

        Assert.True(config.Succeeded);
        Assert.Equal("\U0001F600", config.GetString("a").Value);
    }

    [Theory]
    [InlineData("type = 'hvm'\n", XlDomainType.Hvm)]
    [InlineData("type = 'h'\n", XlDomainType.Hvm)]  // xl compares only the value's own length
    [InlineData("type = ''\n", XlDomainType.Hvm)]   // ... so an empty type is hvm
    [InlineData("type = 'p'\n", XlDomainType.Pv)]
    [InlineData("type = 'pvh'\n", XlDomainType.Pvh)]
    [InlineData("builder = 'hvm'\n", XlDomainType.Hvm)]
    [InlineData("builder = 'generic'\n", XlDomainType.Pv)]
    [InlineData("type = 'hvm'\nbuilder = 'hvm'\n", XlDomainType.Hvm)]
    [InlineData("name = 'x'\n", XlDomainType.Pv)]   // xl's default on x86
    public void The_domain_type_is_xls(string text, XlDomainType expected)
    {
        XlDomainTypeResult type = XlDomainTypeResult.Of(Read(text));

        Assert.True(type.Succeeded);
        Assert.Null(type.Error);
        Assert.Equal(expected, type.Type);
    }

    [Theory]
    [InlineData("type = 'x'\n", "Invalid domain type x.")]
    [InlineData("type = 'hvm'\nbuilder = 'generic'\n", "Contradicting \"builder\" and \"type\" options specified.")]
    public void A_type_xl_refuses_is_a_failed_result_with_xls_message(string text, string message)
    {
        XlDomainTypeResult type = XlDomainTypeResult.Of(Read(text));

        Assert.False(type.Succeeded);
        Assert.Equal(message, type.Error);
    }

    [Fact]
    public void A_type_given_as_a_list_warns_and_counts_as_not_given()
    {
        XlDomainTypeResult type = XlDomainTypeResult.Of(Read("type = [ 'hvm' ]\n"));

        Assert.Equal(XlDomainType.Pv, type.Type);
        Assert.Equal(["guest.cfg:1: warning: parameter `type' is a list but should be a single value"], type.Warnings);
    }
}
