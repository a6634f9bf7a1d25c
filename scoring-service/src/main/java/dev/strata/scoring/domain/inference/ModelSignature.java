package dev.strata.scoring.domain.inference;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The inputs a loaded model takes and the outputs it gives, and the rule for a valid request. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

  public ModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Rejects a request that lacks an input, names an unknown one, or has a wrong type or shape. */
  public void check(List<Tensor> given, List<String> requestedOutputs) {
    Set<String> seen = new HashSet<>();
    for (Tensor tensor : given) {
      TensorSpec spec = inputs.stream().filter(s -> s.name().equals(tensor.name())).findFirst()
          .orElseThrow(() -> new DomainException.Invalid("unexpected input '" + tensor.name() + "'; the model takes " + names(inputs)));
      if (!seen.add(tensor.name())) {
        throw new DomainException.Invalid("input '" + tensor.name() + "' given twice");
      }
      if (spec.datatype() != tensor.datatype()) {
        throw new DomainException.Invalid("input '" + tensor.name() + "' must be " + spec.datatype() + ", not " + tensor.datatype());
      }
      if (!spec.accepts(tensor.shape())) {
        throw new DomainException.Invalid("input '" + tensor.name() + "' has shape " + Arrays.toString(tensor.shape())
            + " but the model takes " + spec.shapeText());
      }
    }
    for (TensorSpec spec : inputs) {
      if (!seen.contains(spec.name())) {
        throw new DomainException.Invalid("missing input '" + spec.name() + "'");
      }
    }
    for (String output : requestedOutputs) {
      if (outputs.stream().noneMatch(s -> s.name().equals(output))) {
        throw new DomainException.Invalid("unknown output '" + output + "'; the model gives " + names(outputs));
      }
    }
  }

  private static List<String> names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList();
  }
}
