using Xunit;

namespace Colo.Gen.Tests.Fuzz;

/// <summary>The re-implementation of QEMU's option splitting reads what QEMU 7.2 reads.</summary>
public sealed class QemuOptsTests
{
    [Fact]
    public void Commas_separate_and_a_doubled_comma_is_a_literal_comma()
    {
        Assert.Equal(
            [("file", "/a,b,,c"), ("if", "ide"), ("id", "x")],
            QemuOpts.Parse("file=/a,,b,,,,c,if=ide,id=x", null));
    }

    [Fact]
    public void A_bare_item_is_a_flag_and_no_prefix_turns_it_off()
    {
        Assert.Equal([("readonly", "on"), ("snapshot", "off")], QemuOpts.Parse("readonly,nosnapshot", null));
    }

    [Fact]
    public void A_devices_bare_first_item_is_its_driver()
    {
        Assert.Equal([("driver", "scsi-hd"), ("drive", "a,b")], QemuOpts.Parse("scsi-hd,drive=a,,b", "driver"));
    }

    [Fact]
    public void An_equals_sign_in_a_value_stays_in_the_value()
    {
        Assert.Equal([("file", "a=b"), ("x", "")], QemuOpts.Parse("file=a=b,x=", null));
    }
}
