using System.CommandLine;
using Colo.Gen.Config;

namespace Colo.Gen.Cli;

/// <summary>
/// <c>colo-disk config FILE</c>: the settings of an xl domain configuration file as libxlutil reads
/// them, and libxlutil's messages. Also the config half of <c>parse --config</c> and <c>qemu-args --config</c>.
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Builds the command; it writes to <paramref name="io"/>.</summary>
    public static Command Create(CommandStreams io)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The xl domain configuration file (its name starts libxlutil's messages, as with xl).",
        };
        var command = new Command("config", "Print the settings of an xl configuration file as libxlutil reads them: LINE: NAME = VALUE (or +=), the value as JSON.")
        {
            file,
        };
        command.SetAction(result =>
        {
            XlConfig config = Read(io, result.GetValue(file)!);
            foreach (XlConfigSetting setting in config.Settings)
            {
                io.Out.WriteLine(setting.ToString());
            }

            return config.Succeeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>Reads the file as xl does, writing libxlutil's messages to standard error.</summary>
    public static XlConfig Read(CommandStreams io, string path)
    {
        XlConfig config = XlConfig.Load(path);
        foreach (string message in config.Messages)
        {
            io.Error.WriteLine(message);
        }

        return config;
    }
}
