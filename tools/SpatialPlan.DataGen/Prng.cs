namespace SpatialPlan.DataGen;

/// <summary>
/// SplitMix64: a tiny seeded generator whose sequence never changes between .NET versions
/// (System.Random's algorithm is an implementation detail), so the layers regenerate byte for byte.
/// </summary>
public sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public double NextSigned() => NextDouble() * 2.0 - 1.0;
}
