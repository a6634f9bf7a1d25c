package dev.strata.scoring.domain.inference;

import dev.strata.kernel.error.DomainException;

/** The Open Inference Protocol tensor datatypes this service serves. */
public enum DataType {
  FP32,
  FP64,
  INT64,
  BYTES;

  /** The datatype named by a client, or a client-facing error. */
  public static DataType parse(String name) {
    for (DataType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new DomainException.Invalid("unsupported datatype '" + name + "': use FP32, FP64, INT64 or BYTES");
  }
}
