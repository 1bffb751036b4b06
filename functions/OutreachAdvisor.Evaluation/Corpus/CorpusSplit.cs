using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>
/// Which split a case or sentence belongs to, from its id alone (corpus/README.md, "The split"): the
/// first four bytes (little-endian) of SHA-256 of <c>outreach-corpus-v1:&lt;id&gt;</c>, modulo 100;
/// below 60 train, below 80 dev, else test.
/// </summary>
public static class CorpusSplit
{
    public const string Train = "train";
    public const string Dev = "dev";
    public const string Test = "test";

    public static string Of(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("outreach-corpus-v1:" + id), hash);
        uint bucket = BinaryPrimitives.ReadUInt32LittleEndian(hash) % 100;
        return bucket < 60 ? Train : bucket < 80 ? Dev : Test;
    }
}
