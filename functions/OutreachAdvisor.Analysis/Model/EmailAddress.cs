namespace OutreachAdvisor.Analysis.Model;

/// <summary>A name and an e-mail address, as in the contract's request (section 2).</summary>
public sealed record EmailAddress(string? Name, string Address)
{
    /// <summary>The part after '@', lower-cased; empty when the address has none.</summary>
    public string Domain
    {
        get
        {
            int at = Address.LastIndexOf('@');
            return at < 0 ? string.Empty : Address[(at + 1)..].Trim().ToLowerInvariant();
        }
    }

    /// <summary>The part before '@'.</summary>
    public string LocalPart
    {
        get
        {
            int at = Address.LastIndexOf('@');
            return at < 0 ? Address : Address[..at];
        }
    }

    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";
}
