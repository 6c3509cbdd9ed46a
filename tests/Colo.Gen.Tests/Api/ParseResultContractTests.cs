using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Reflection;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// A parse result cannot lie (issue 15, item 2): a default value is not a success, the nullability
/// annotations hold on every path, and a null spec is an <see cref="ArgumentNullException"/> in every
/// overload. Written against members that the library had before, so each test also ran (and failed)
/// on the code before the change.
/// </summary>
public sealed class ParseResultContractTests
{
    [Fact]
    public void A_default_parse_result_is_not_a_success()
    {
        DiskParseResult never = default;

        Assert.False(never.Succeeded);
        Assert.Null(never.Disk);
        Assert.Empty(never.Errors);
    }

    [Fact]
    public void A_default_parse_result_prints_as_no_disk_and_no_errors()
    {
        Assert.Equal("{\"errors\": []}", default(DiskParseResult).ToJsonLine());
    }

    [Fact]
    public void The_disk_of_a_parse_result_is_annotated_nullable_because_a_default_result_has_none()
    {
        PropertyInfo disk = typeof(DiskParseResult).GetProperty(nameof(DiskParseResult.Disk))!;

        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(disk).ReadState);
    }

    [Fact]
    public void Succeeded_promises_the_compiler_a_disk()
    {
        PropertyInfo succeeded = typeof(DiskParseResult).GetProperty(nameof(DiskParseResult.Succeeded))!;

        var promise = succeeded.GetMethod!.GetCustomAttribute<System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute>()
            ?? succeeded.GetCustomAttribute<System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute>();
        Assert.NotNull(promise);
        Assert.True(promise.ReturnValue);
        Assert.Equal([nameof(DiskParseResult.Disk)], promise.Members);
    }

    [Fact]
    public void A_successful_parse_has_its_disk_and_a_failed_one_what_was_parsed()
    {
        DiskParseResult good = DiskSpecParser.Parse("vdev=hda,target=/x");
        DiskParseResult bad = DiskSpecParser.Parse("vdev=hda,format=nope,target=/x");

        Assert.True(good.Succeeded);
        Assert.Equal("hda", good.Disk.Vdev);
        Assert.False(bad.Succeeded);
        Assert.Equal("hda", bad.Disk?.Vdev);
    }

    [Fact]
    public void A_null_spec_string_is_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("spec", () => DiskSpecParser.Parse((string)null!));
    }

    [Fact]
    public void A_null_among_the_specs_is_an_ArgumentNullException_in_every_collection_overload()
    {
        string[] specs = ["vdev=hda", null!, "target=/x"];

        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse(specs));
        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse(new List<string>(specs)));
        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse(new ReadOnlyCollection<string>(specs)));
        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse(new ReadOnlySpan<string>(specs)));
    }

    [Fact]
    public void A_null_spec_after_a_spec_with_an_error_is_still_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse(["format=nope", null!]));
    }

    [Fact]
    public void A_null_list_or_source_is_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("specs", () => DiskSpecParser.Parse((IReadOnlyList<string>)null!));
        Assert.Throws<ArgumentNullException>("source", () => DiskSpecParser.Parse("vdev=hda,target=/x", null!));
    }
}
