namespace OutreachAdvisor.Analysis.Rules;

/// <summary>The built-in rules, found by reflection so that a new rule is just a new file.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> BuiltIn { get; } = typeof(IRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Descriptor.Order)
        .ThenBy(r => r.Descriptor.Name, StringComparer.Ordinal)
        .ToArray();

    public static IRule? Find(string name) => BuiltIn.FirstOrDefault(r => r.Descriptor.Name == name);
}
