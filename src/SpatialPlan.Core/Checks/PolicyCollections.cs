using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>Helpers for reading policy.json lists.</summary>
internal static class PolicyCollections
{
    /// <summary>A dictionary by key that refuses a duplicate key with a message naming the list.</summary>
    public static Dictionary<string, T> ToDictionaryUnique<T>(this IEnumerable<T> items, Func<T, string> key, string place, Func<string, string, InputException> bad)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!result.TryAdd(key(item), item))
            {
                throw bad(place, $"id“{key(item)}”重复");
            }
        }

        return result;
    }
}
