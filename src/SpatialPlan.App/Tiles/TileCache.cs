namespace SpatialPlan.App.Tiles;

/// <summary>
/// Encoded tiles kept in memory, least recently used out first, bounded by the bytes they hold (docs/tiles.md §3). Keyed
/// by the tile's ETag, which names the data version, the layer, z/x/y and the tile format's version: a changed layer gets
/// new keys, so nothing stale is ever served, and its old tiles age out. One tile asked for by many requests at once is
/// made once.
/// </summary>
public sealed class TileCache
{
    /// <summary>The default bound: 64 MB of encoded tiles.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private readonly long _maxBytes;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Tile)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Tile)> _order = new();
    private readonly Dictionary<string, Task<byte[]>> _making = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _kept = new(StringComparer.Ordinal);
    private long _bytes;
    private long _keptBytes;

    /// <param name="maxBytes">Most bytes of tiles kept.</param>
    public TileCache(long maxBytes = DefaultMaxBytes) => _maxBytes = maxBytes;

    /// <summary>Bytes of tiles held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Tiles held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Bytes of the tiles made ahead, which are kept apart from the bound and never evicted.</summary>
    public long KeptBytes
    {
        get
        {
            lock (_gate)
            {
                return _keptBytes;
            }
        }
    }

    /// <summary>
    /// The tile under <paramref name="key"/>, made by <paramref name="make"/> when not held (and then kept); <c>Hit</c> says
    /// whether it was held. A tile made with <paramref name="keep"/> (the small-scale tiles made ahead, docs/tiles.md §3) is
    /// held outside the least-recently-used bound for the life of the app, so a long pan at large scales cannot push the
    /// costliest tiles out.
    /// </summary>
    public async Task<(byte[] Tile, bool Hit)> GetOrMake(string key, Func<byte[]> make, bool keep = false)
    {
        ArgumentNullException.ThrowIfNull(make);
        Task<byte[]> making;
        bool mine = false;
        lock (_gate)
        {
            if (_kept.TryGetValue(key, out var held))
            {
                return (held, true);
            }

            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return (node.Value.Tile, true);
            }

            if (!_making.TryGetValue(key, out making!))
            {
                making = Task.Run(make);
                _making[key] = making;
                mine = true;
            }
        }

        try
        {
            var tile = await making.ConfigureAwait(false);
            if (mine)
            {
                Put(key, tile, keep);
            }

            return (tile, false);
        }
        finally
        {
            if (mine)
            {
                lock (_gate)
                {
                    _making.Remove(key);
                }
            }
        }
    }

    private void Put(string key, byte[] tile, bool keep)
    {
        // Bookkeeping of about 100 bytes an entry, so that a bound of empty tiles still bounds.
        var size = tile.Length + 100L;
        if (keep)
        {
            lock (_gate)
            {
                if (_kept.TryAdd(key, tile))
                {
                    _keptBytes += size;
                }
            }

            return;
        }

        if (size > _maxBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.ContainsKey(key))
            {
                return;
            }

            _entries[key] = _order.AddFirst((key, tile));
            _bytes += size;
            while (_bytes > _maxBytes && _order.Last is { } last)
            {
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Tile.Length + 100L;
            }
        }
    }
}
