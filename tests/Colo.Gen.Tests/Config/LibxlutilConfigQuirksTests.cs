using System;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Config;
using Xunit;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// libxlutil's surprising behaviours, each pinned with the output Debian's libxlutil 4.17 gives
/// (found by the differential tests, written here so they read as documentation and hold without
/// the oracle); and the cases where libxlutil itself misbehaves, each with this reader's answer.
/// </summary>
public sealed class LibxlutilConfigQuirksTests
{
    private const string Source = "guest.cfg";

    private static (string Settings, string Messages, bool Succeeded) Read(string text)
    {
        XlConfig config = XlConfig.Parse(text, Source);
        return (string.Concat(config.Settings.Select(s => s + "\n")), string.Concat(config.Messages.Select(m => m + "\n")), config.Succeeded);
    }

    [Theory]
    [InlineData("a = 1\na = 2\n", "1: a = \"1\"\n2: a = \"2\"\n")] // a repeated name is kept twice; lookups find the last
    [InlineData("a = \"x\"\na += \"y\"\n", "1: a = \"x\"\n2: a += \"xy\"\n")] // += on strings concatenates
    [InlineData("a = [\"x\"]\na += [\"y\"]\n", "1: a = []\n2: a += [\"x\", \"y\"]\n")] // += on lists moves the items: the first is left empty
    [InlineData("a += \"y\"\n", "1: a += \"y\"\n")] // += with nothing before it simply stores
    [InlineData("a = 1; b = 2\n", "1: a = \"1\"\n1: b = \"2\"\n")] // ';' ends a statement
    [InlineData("a = 1", "1: a = \"1\"\n")] // a last line without a newline
    [InlineData("a = [ 1, 2, ]\n", "1: a = [\"1\", \"2\"]\n")] // a trailing comma
    [InlineData("a = [\n\n 1 # one\n ,\n 2\n]\n", "1: a = [\"1\", \"2\"]\n")] // newlines and comments inside brackets
    [InlineData("a = [ [ ], [ \"x\", [ 1 ] ] ]\n", "1: a = [[], [\"x\", [\"1\"]]]\n")] // nested lists
    [InlineData("a = \"x\\101y\"\n", "1: a = \"xy\"\n")] // an octal escape reads three characters as decimal and writes nothing
    [InlineData("a = \"\\1 +2z\"\n", "1: a = \"z\"\n")] // ... blanks and a sign included
    [InlineData("a = '\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"'\n", "1: a = \"\\u0007\\b\\f\\n\\r\\t\\u000B\\\\'\\\"\"\n")] // the escapes that work
    [InlineData("a = 0x1f\n", "1: a = \"0x1f\"\n")] // a number is kept as its text (lower-case hex digits only)
    public void Valid_files_store_what_libxlutil_stores(string text, string settings)
    {
        (string stored, string messages, bool succeeded) = Read(text);
        Assert.Equal("", messages);
        Assert.True(succeeded);
        Assert.Equal(settings, stored);
    }

    [Theory]
    // \x never works: libxlutil skips the character after the x and then wants more digits than it reads.
    [InlineData("a = \"\\x41\"\n", "", "guest.cfg:1: config parsing error near `\"\\x41\"': invalid digit after backslash hexnumerical character escape in quoted string\n")]
    // An octal escape needs two more characters that read as a decimal number.
    [InlineData("a = \"\\1\"\n", "", "guest.cfg:1: config parsing error near `\"\\1\"': invalid digit after backslash octalnumerical character escape in quoted string\n")]
    [InlineData("a = \"\\q\"\n", "", "guest.cfg:1: config parsing error near `\"\\q\"': invalid character after backlash in quoted string\n")]
    // '\r' is not a blank: every line of a CRLF file is a lexical error (quoting the '\r'), and only the first statement is kept.
    [InlineData("a = 1\r\nb = 2\r\n", "1: a = \"1\"\n", "guest.cfg:1: config parsing error near `\r': lexical error\nguest.cfg:2: config parsing error near `\r': lexical error\n")]
    // A final comment without a newline is no comment: '#' starts a lexical error.
    [InlineData("a = 1\n# end", "1: a = \"1\"\n", "guest.cfg:2: config parsing error near `#': lexical error\n")]
    // An error at a newline token is reported one line too early (here line 0).
    [InlineData("a =\nb = 1\n", "", "guest.cfg:0: config parsing error near <newline>: syntax error, unexpected NEWLINE, expecting STRING or NUMBER or '['\n")]
    // After the first error nothing more is stored, but later errors are still reported.
    [InlineData("a = 1\nb = = 2\nc = 3\nd = ]\n", "1: a = \"1\"\n", "guest.cfg:2: config parsing error near `=': syntax error, unexpected '=', expecting STRING or NUMBER or '['\nguest.cfg:4: config parsing error near `]': syntax error, unexpected ']', expecting STRING or NUMBER or '['\n")]
    // A setting is stored before the token after it is scanned, so a lexical error right after it keeps it.
    [InlineData("a = 1.5\n", "1: a = \"1\"\n", "guest.cfg:1: config parsing error near `.5': lexical error\nwarning: Config file looks like it contains Python code.\nwarning:  Arbitrary Python is no longer supported.\nwarning:  See https://wiki.xen.org/wiki/PythonInXlConfig\n")]
    // bison's "expecting" list comes from the state where the error is found, after default reductions.
    [InlineData("a = [ 1 2 ]\n", "", "guest.cfg:1: config parsing error near `2': syntax error, unexpected NUMBER, expecting ']'\n")]
    [InlineData("= 1\n", "", "guest.cfg:1: config parsing error near `=': syntax error, unexpected '=', expecting $end or IDENT or NEWLINE or ';'\n")]
    [InlineData("a = 1 2\nb = 3\n", "1: a = \"1\"\n", "guest.cfg:1: config parsing error near `2': syntax error, unexpected NUMBER, expecting $end\n")]
    // At the end of input the message quotes flex's yytext there: its end-of-buffer NUL, printed as nothing.
    [InlineData("a = ", "", "guest.cfg:1: config parsing error near `': syntax error, unexpected $end, expecting STRING or NUMBER or '['\n")]
    // Names are lower case only.
    [InlineData("Name = 1\n", "", "guest.cfg:1: config parsing error near `Name': lexical error\n")]
    // += of a list to a string: a lexical error at the value's last token.
    [InlineData("a = \"x\"\na += [\"y\"]\n", "1: a = \"x\"\n", "guest.cfg:2: config parsing error near `]': can't add [list] to \"string\" or vice versa\n")]
    public void Errors_give_libxlutils_messages_and_keep_what_it_keeps(string text, string settings, string messages)
    {
        (string stored, string reported, bool succeeded) = Read(text);
        Assert.False(succeeded);
        Assert.Equal(messages, reported);
        Assert.Equal(settings, stored);
    }

    [Fact]
    public void Nesting_past_bisons_stack_is_memory_exhausted_as_in_libxlutil()
    {
        (_, string deep, bool deepRead) = Read("a = " + new string('[', 5000) + new string(']', 5000) + "\n");
        (string fits, _, bool fitsRead) = Read("a = " + new string('[', 4996) + new string(']', 4996) + "\n");

        Assert.False(deepRead);
        Assert.Equal("guest.cfg:1: config parsing error near `[': memory exhausted\n", deep);
        Assert.True(fitsRead);
        Assert.StartsWith("1: a = [[[[", fits, StringComparison.Ordinal);
    }

    // ---- where libxlutil misbehaves, and what this reader does instead ----

    [Fact]
    public void A_nul_byte_in_a_quoted_string_is_a_lexical_error_where_libxlutil_aborts()
    {
        byte[] content = "a = 1\nb = \"x\0y\"\nc = 2\n"u8.ToArray();

        XlConfig config = XlConfig.Parse(content, Source);

        Assert.False(config.Succeeded);
        Assert.Equal(["guest.cfg:2: config parsing error near `\"x': NUL byte in quoted string"], config.Messages);
        Assert.Equal(["1: a = \"1\""], config.Settings.Select(s => s.ToString()));
        string file = Path.Combine(Path.GetTempPath(), $"colo-nul-{Environment.ProcessId}.cfg");
        File.WriteAllBytes(file, content);
        try
        {
            (int status, _, string error) = XlConfigOracle.RunFile(file);
            Assert.Equal(134, status); // SIGABRT from the failed assertion in xlu__cfgl_dequote
            Assert.Contains("Assertion", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_cannot_be_opened_says_why_where_libxlutil_says_success()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"colo-missing-{Environment.ProcessId}", "guest.cfg");

        XlConfig config = XlConfig.Load(missing);

        Assert.False(config.Succeeded);
        Assert.Empty(config.Settings);
        Assert.Equal([$"{missing}: unable to open configuration file: No such file or directory"], config.Messages);
        (int status, _, string error) = XlConfigOracle.RunFile(missing, readFile: true);
        Assert.Equal(1, status);
        Assert.Equal($"{missing}: unable to open configuration file: Success\n", error);
    }

    [Fact]
    public void A_directory_is_not_read_and_the_reason_is_that_it_is_a_directory()
    {
        // libxlutil's fopen opens a directory, and flex's first read fails: its fatal error ends the
        // program (status 2). xl reads the file itself first and prints strerror(EISDIR); so does
        // XlConfig.Load, in libxlutil's "unable to open" line (.NET reports EISDIR with the exception
        // it uses for EACCES, which must not be taken for "Permission denied").
        DirectoryInfo directory = Directory.CreateTempSubdirectory("colo-dir-");
        try
        {
            XlConfig config = XlConfig.Load(directory.FullName);

            Assert.False(config.Succeeded);
            Assert.Empty(config.Settings);
            Assert.Equal([$"{directory.FullName}: unable to open configuration file: Is a directory"], config.Messages);
            Assert.Equal((2, "", "input in flex scanner failed\n"), XlConfigOracle.RunFile(directory.FullName, readFile: true));
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_kept_as_bytes_never_replaced()
    {
        byte[] content = [.. "a = \"x"u8, 0xFF, .. "y\"\n"u8];

        XlConfig config = XlConfig.Parse(content, Source);

        XlConfigValue value = config.Settings.Single().Value;
        Assert.True(config.Succeeded);
        Assert.False(value.IsText);
        Assert.Equal([(byte)'x', 0xFF, (byte)'y'], value.Bytes.ToArray());
        Assert.Throws<InvalidOperationException>(() => value.Text);
        Assert.Equal("1: a = {\"hex\": \"78ff79\"}", config.Settings.Single().ToString());
        Assert.Equal(XlConfigLookupStatus.NotText, config.GetString("a").Status);
        Assert.Equal("guest.cfg:1: warning: parameter `a' is not valid UTF-8 text", config.GetString("a").Warning);
        Assert.Equal([(byte)'x', 0xFF, (byte)'y'], config.GetBytes("a").Value.ToArray());
    }

    [Fact]
    public void A_message_quoting_bytes_that_are_not_utf8_shows_them_as_hex_escapes()
    {
        byte[] content = [.. "a = "u8, 0xFF, 0xC3, 0xA9, .. "\n"u8];

        XlConfig config = XlConfig.Parse(content, Source);

        Assert.Equal(["guest.cfg:1: config parsing error near `\\xFFé': lexical error"], config.Messages);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_refused_not_replaced()
    {
        XlConfig refused = XlConfig.Parse("a = \"\ud800\"\n", Source);

        Assert.False(refused.Succeeded);
        Assert.Empty(refused.Settings);
        Assert.Equal(["guest.cfg:1: config parsing error near `\\uD800': not valid Unicode (an unpaired UTF-16 surrogate)"], refused.Messages);
        Assert.Equal("1: a = \"é\"", XlConfig.Parse(Encoding.UTF8.GetString("a = \"\u00e9\"\n"u8), Source).Settings.Single().ToString());
    }
}
