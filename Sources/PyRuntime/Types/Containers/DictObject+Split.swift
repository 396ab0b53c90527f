/// An instance's `__dict__` while it still shares its class's attribute names: CPython
/// 3.11's split table (`ma_values != NULL`, keys `ht_cached_keys`).
///
/// CPython makes `obj.__dict__` from the instance's inline values as a split dict: its
/// keys are the class's shared keys and it owns only a values array, sized as the
/// class's instances are (`shared_keys_usable_size`, the names plus the usable room).
/// So `sys.getsizeof(obj.__dict__)` is 48 + 16 + 8 × (names + usable), and it moves as
/// the class's keys do: each new instance takes one off `usable`, each new name moves
/// one from `usable` to the names.
///
/// Here the entries always live in the dict's own table; what the split state (the
/// class's ``SharedKeys``, at ``DictObject/sharedKeysOffset``) decides is what CPython's
/// layout does with them:
///
/// - `__sizeof__` counts the values array, not the table;
/// - a new exact-str key joins the class's names while they have room (so the class's
///   next instances get a slot for it, as in CPython);
/// - the dict stops sharing, and its table takes the capacity CPython's combined table
///   would take, when a key is not an exact str or the names are full
///   (`insertion_resize`, room for three times the entries) and on `popitem` (the shared
///   keys' capacity, 64). `clear` leaves an ordinary empty dict.
/// - `copy()` of a split dict is split too; `dict(d)` and `{**d}` are not, and size their
///   table for the entries (a split source is never cloned).
///
/// CPython: Objects/dictobject.c, `make_dict_from_instance_attributes()`,
/// `insertdict()`, `dict_popitem_impl()`, `PyDict_Copy()`, `_PyDict_SizeOf()`.
extension DictObject {
  /// The class's shared keys while `dict` is split; 0 otherwise.
  static let sharedKeysOffset = 32
  /// `DK_LOG_SIZE` of a class's shared keys (`NEXT_LOG2_SHARED_KEYS_MAX_SIZE`) as a capacity.
  static let sharedKeysCapacity = 64

  /// The class's names while `dict` is split, else nil.
  @inline(__always)
  static func sharedKeys(_ dict: PyRef) -> SharedKeys? {
    dict.raw.load(fromByteOffset: sharedKeysOffset, as: UnsafeMutableRawPointer?.self).map(SharedKeys.init)
  }

  static func setSharedKeys(_ dict: PyRef, _ keys: SharedKeys?) {
    dict.raw.storeBytes(of: keys?.raw, toByteOffset: sharedKeysOffset, as: UnsafeMutableRawPointer?.self)
  }

  /// `shared_keys_usable_size` slots of 8 bytes: the values array of a split dict.
  static func splitValuesSize(_ keys: SharedKeys) -> Int { (keys.count + keys.usable) * 8 }
}

extension RuntimeRef {
  /// Ends `dict`'s sharing with a table sized as CPython's `insertion_resize` sizes it;
  /// `unicode` false when the key that ended it is not an exact str.
  func unsplitDict(_ dict: PyRef, unicode: Bool) -> Bool {
    DictObject.setSharedKeys(dict, nil)
    return insertionResize(dict, unicode: unicode)
  }
}
