package dev.strata.scoring.domain.model;

import dev.strata.kernel.value.SafeName;

/** One registered version of one model; both parts are safe to become folder names. */
public record ModelRef(String name, String version) {

  public ModelRef {
    SafeName.IDENTIFIER.require(name);
    if (version == null || !version.matches("[1-9][0-9]{0,8}")) {
      throw new dev.strata.kernel.error.DomainException.Invalid("invalid model version: must be a positive integer");
    }
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }
}
