namespace OutreachAdvisor.Graph.SentItems;

/// <summary>Where delta links are kept between report runs, per owner and folder (Table "deltaLinks" in Azure).</summary>
public interface IDeltaLinkStore
{
    Task<DeltaLinkState?> GetAsync(string owner, string folder, CancellationToken cancellationToken);

    Task SaveAsync(string owner, string folder, DeltaLinkState state, CancellationToken cancellationToken);

    Task DeleteAsync(string owner, string folder, CancellationToken cancellationToken);
}
