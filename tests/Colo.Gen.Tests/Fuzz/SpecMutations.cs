using System;
using System.Collections.Generic;
using System.Text;
using CsCheck;
using G = CsCheck.Gen;

namespace Colo.Gen.Tests.Fuzz;

/// <summary>
/// Hostile disk specs for the property tests: realistic specs (plain, positional, CD-ROM, SCSI,
/// network targets, both COLO syntaxes, deprecated prefixes) with byte-level mutations — inserted
/// commas, equals signs, colons, tabs, newlines, NULs, high-bit UTF-8, invalid UTF-8, long runs of
/// one byte, a piece repeated many times, bytes deleted — and random text of any UTF-16 units.
/// </summary>
internal static class SpecMutations
{
    /// <summary>Specs a user writes; the mutations start from these.</summary>
    public static readonly string[] Realistic =
    [
        "format=raw,vdev=hda,access=rw,target=/dev/vg/guest-volume",
        "/root/image.iso,,hdc:cdrom,r",
        "vdev=sdb,format=qcow2,target=/images/data.qcow2",
        "vdev=hdc,devtype=cdrom,target=/srv/iso/install.iso",
        "format=raw,vdev=hdb,access=rw,backendtype=qdisk,target=rbd:pool/image:auth_supported=none:mon_host=192.0.2.1\\:6789",
        "vdev=hda,backendtype=qdisk,target=nbd:127.0.0.1:10809",
        "colo,colo-host=192.0.2.2,colo-port=9000,colo-export=disk0,active-disk=/a/active.qcow2,hidden-disk=/a/hidden.qcow2,vdev=hda,target=/img.raw",
        "colo,colo-params=192.0.2.2:9000:exportname=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,vdev=sda,format=raw,target=/s.img",
        "raw:/dev/vg/guest,xvda,w",
        "nbd:/dev/nbd0,hdb",
        "vdev=xvdb,backend=driver-domain,script=block-iscsi,target=iqn.2001-05.com.example:0-8a09-host",
        "vdev=hda,backendtype=qdisk,target=dir:x.img",
        "vdev=hda,discard,direct-io-safe,specification=xen,target=/srv/é/日本/😀.img",
    ];

    private static readonly byte[][] HighBit = [[0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80]];

    private static readonly byte[][] Invalid = [[0xC3], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE6, 0x97]];

    private static readonly byte[] RunBytes = [(byte)' ', (byte)'a', (byte)',', (byte)'=', (byte)':', (byte)'\t', 0xC3];

    /// <summary>One mutation: what (Kind), where (Position, taken modulo the length), how much (Count), which variant (Pick).</summary>
    public readonly record struct Mutation(int Kind, int Position, int Count, int Pick);

    public static readonly CsCheck.Gen<Mutation> AnyMutation =
        G.Select(G.Int[0, 11], G.Int[0, 100_000], G.Int[1, 20_000], G.Int[0, 100], (k, p, c, x) => new Mutation(k, p, c, x));

    /// <summary>A realistic spec with up to six mutations, as UTF-8 bytes (not always valid).</summary>
    public static readonly CsCheck.Gen<byte[]> MutatedSpecBytes =
        G.Select(G.Int[0, Realistic.Length - 1], AnyMutation.Array[0, 6], (i, ms) => Apply(Encoding.UTF8.GetBytes(Realistic[i]), ms));

    /// <summary>Mutated specs that are valid UTF-8, as strings (the parser's input).</summary>
    public static readonly CsCheck.Gen<string> MutatedSpec =
        MutatedSpecBytes.Select(bytes => System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.UTF8.GetString(bytes).Replace('\uFFFD', '?'));

    /// <summary>Any UTF-16 text, lone surrogates included, mostly ASCII, up to 300 units.</summary>
    public static readonly CsCheck.Gen<string> RandomText =
        G.Frequency((6, (IGen<char>)G.Char[' ', '~']), (1, G.Char), (1, G.OneOf([',', '=', ':', '\t', '\n', '\0', '\uD800', '\uDC00', 'é'])))
            .Array[0, 300].Select(cs => new string(cs));

    public static byte[] Apply(byte[] spec, Mutation[] mutations)
    {
        var bytes = new List<byte>(spec);
        foreach (Mutation m in mutations)
        {
            int at = bytes.Count == 0 ? 0 : m.Position % (bytes.Count + 1);
            switch (m.Kind)
            {
                case 0: bytes.Insert(at, (byte)','); break;
                case 1: bytes.Insert(at, (byte)'='); break;
                case 2: bytes.Insert(at, (byte)':'); break;
                case 3: bytes.Insert(at, (byte)'\t'); break;
                case 4: bytes.InsertRange(at, HighBit[m.Pick % HighBit.Length]); break;
                case 5: bytes.InsertRange(at, Invalid[m.Pick % Invalid.Length]); break;
                case 6: bytes.InsertRange(at, Run(RunBytes[m.Pick % RunBytes.Length], m.Count)); break;
                case 7:
                    // A piece of the spec (up to 8 bytes from here) repeated: many errors of one kind.
                    int length = Math.Min(1 + (m.Pick % 8), bytes.Count - Math.Min(at, bytes.Count));
                    if (length > 0)
                    {
                        byte[] piece = bytes.GetRange(at, length).ToArray();
                        for (int i = 0; i < m.Count / 4; i++)
                        {
                            bytes.InsertRange(at, piece);
                        }
                    }

                    break;
                case 8: bytes.RemoveRange(Math.Min(at, bytes.Count), Math.Min(m.Pick % 8, bytes.Count - Math.Min(at, bytes.Count))); break;
                case 9: bytes.Insert(at, (byte)'\n'); break;
                case 10: bytes.Insert(at, 0); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Realistic[m.Pick % Realistic.Length])); break;
            }
        }

        return bytes.ToArray();
    }

    private static byte[] Run(byte b, int count)
    {
        var run = new byte[count];
        Array.Fill(run, b);
        return run;
    }
}
