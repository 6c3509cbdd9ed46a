using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Colo.Gen.Cli;

/// <summary>
/// The conventions every <c>colo-disk</c> command follows, on top of what System.CommandLine gives:
/// a word that looks like an option but is none is an error, not a disk spec; <c>--</c> ends the
/// options, so a spec that begins with <c>-</c> can still be given; <c>@FILE</c> is a spec like any
/// other word, never a response file read in its place; every usage error exits with
/// <see cref="ExitStatus.UsageError"/> and goes to standard error; <c>--help</c> ends with the exit statuses.
/// </summary>
internal static class CommandLineConventions
{
    /// <summary>How the words are split: System.CommandLine's rules without response files.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the command they name.</summary>
    /// <returns>The command's exit status, or <see cref="ExitStatus.UsageError"/> when the words do not make a command.</returns>
    public static int Invoke(RootCommand root, string[] args, CommandStreams io)
    {
        foreach (Option option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExitStatus(standard);
            }
        }

        ParseResult parsed = root.Parse(args, Parsing);
        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error };

        // --help (and --version) answer even when the rest of the line is wrong, as they do everywhere.
        if (parsed.Action is CommandLineAction { ClearsParseErrors: true })
        {
            return parsed.Invoke(invocation);
        }

        var problems = new List<string>();
        foreach (ParseError error in parsed.Errors)
        {
            problems.Add(error.Message);
        }

        foreach (string word in UnknownOptions(parsed))
        {
            problems.Add($"Unknown option '{word}' (a disk spec that begins with '-' goes after '--').");
        }

        if (problems.Count == 0)
        {
            return parsed.Invoke(invocation);
        }

        foreach (string problem in problems)
        {
            io.Error.WriteLine("colo-disk: " + problem);
        }

        io.Error.WriteLine("Run 'colo-disk --help' or 'colo-disk COMMAND --help' for usage.");
        return ExitStatus.UsageError;
    }

    /// <summary>
    /// The words before <c>--</c> that System.CommandLine gave a command's arguments although they look
    /// like options (it passes any word it does not know on as an argument). A lone <c>-</c> is a word,
    /// not an option, as POSIX has it. Option values (<c>--rounds -1</c>) are the option's, not found here.
    /// </summary>
    public static IEnumerable<string> UnknownOptions(ParseResult parsed)
    {
        var positional = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                foreach (SymbolResult child in command.Children)
                {
                    if (child is ArgumentResult argument)
                    {
                        positional.UnionWith(argument.Tokens);
                    }
                }
            }
        }

        foreach (Token token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break;
            }

            if (positional.Contains(token) && token.Value.Length > 1 && token.Value[0] == '-')
            {
                yield return token.Value;
            }
        }
    }

    /// <summary>System.CommandLine's help, then the exit statuses (<see cref="ExitStatus.HelpSection"/>).</summary>
    private sealed class HelpWithExitStatus(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int status = standard.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(ExitStatus.HelpSection);
            return status;
        }
    }
}
