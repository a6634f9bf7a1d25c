package dev.strata.scoring.domain.model;

import dev.strata.kernel.error.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What archiving a version means: it is kept (its card and artifact stay, for audit and rollback
 * forensics) but it neither serves nor can be promoted. The champion cannot be archived, because
 * unversioned requests would have nothing to serve; another alias naming it is removed with it.
 */
public final class Archival {

  private Archival() {}

  /** Refuses to serve an archived version. */
  public static void requireServing(ModelRef ref, Set<String> archived) {
    if (archived.contains(ref.version())) {
      throw new DomainException.NotFound("version " + ref.version() + " of model '" + ref.name() + "' is archived");
    }
  }

  /** Refuses to point an alias at an archived version. */
  public static void requirePromotable(ModelRef ref, Set<String> archived) {
    if (archived.contains(ref.version())) {
      throw new DomainException.Conflict("version " + ref.version() + " of model '" + ref.name()
          + "' is archived; an archived version cannot be named by an alias");
    }
  }

  /** The aliases to remove when {@code ref} is archived; refuses the champion. */
  public static List<String> aliasesToDrop(ModelRef ref, Map<String, String> aliases) {
    if (ref.version().equals(aliases.get(ModelRegistry.CHAMPION))) {
      throw new DomainException.Conflict("version " + ref.version() + " of model '" + ref.name()
          + "' is the champion; point the champion at another version before archiving this one");
    }
    return aliases.entrySet().stream().filter(e -> e.getValue().equals(ref.version())).map(Map.Entry::getKey).sorted().toList();
  }
}
