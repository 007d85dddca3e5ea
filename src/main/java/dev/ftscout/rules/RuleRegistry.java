package dev.ftscout.rules;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.rules.cext.BorrowedReferenceApi;
import dev.ftscout.rules.cext.LimitedApiBuild;
import dev.ftscout.rules.cext.MissingGilDeclaration;
import dev.ftscout.rules.cext.ObjectAllocatorForBuffer;
import dev.ftscout.rules.cext.UnlockedContainerIteration;
import dev.ftscout.rules.cext.UnsynchronizedStaticWrite;
import dev.ftscout.rules.deps.NoFreeThreadedWheel;
import dev.ftscout.rules.deps.NotAssessable;
import dev.ftscout.rules.deps.OnlyNewerTargets;
import dev.ftscout.rules.deps.SlowerWithoutExtension;
import dev.ftscout.rules.deps.SourceDeclaresGilFree;
import dev.ftscout.rules.deps.SourceReenablesGil;
import dev.ftscout.rules.deps.UpgradeAvailable;
import dev.ftscout.rules.deps.YankedVersionPinned;
import dev.ftscout.rules.python.CheckThenAct;
import dev.ftscout.rules.python.ProcessGlobalState;
import dev.ftscout.rules.python.RefcountGcAssumption;
import dev.ftscout.rules.python.SharedIteration;
import dev.ftscout.rules.python.SharedReadModifyWrite;
import dev.ftscout.rules.python.TestPatchesSharedState;
import dev.ftscout.rules.runtime.FlakyTest;
import dev.ftscout.rules.runtime.GilReenabledOnImport;
import dev.ftscout.rules.runtime.ImportCrashesInterpreter;
import dev.ftscout.rules.runtime.ImportFailsFreeThreaded;
import dev.ftscout.rules.runtime.TestCrashesInterpreter;
import dev.ftscout.rules.runtime.TestFailsFreeThreaded;
import dev.ftscout.rules.runtime.TestFailsUnderThreadStress;
import dev.ftscout.rules.runtime.TestHangs;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one explicit list of every rule ftscout has. Meta-tests walk it. */
public final class RuleRegistry {
  private final Map<String, Rule> byId;

  /** A registry over the given rules; ids must be unique. */
  public RuleRegistry(List<? extends Rule> rules) {
    Map<String, Rule> map = new LinkedHashMap<>();
    rules.stream()
        .sorted(Comparator.comparing(r -> r.info().id()))
        .forEach(r -> {
          if (map.put(r.info().id(), r) != null) {
            throw new IllegalArgumentException("duplicate rule id " + r.info().id());
          }
        });
    this.byId = map;
  }

  /** Every rule ftscout ships, in id order. */
  public static RuleRegistry standard() {
    return new RuleRegistry(
        List.of(
            new SharedReadModifyWrite(),
            new CheckThenAct(),
            new SharedIteration(),
            new ProcessGlobalState(),
            new TestPatchesSharedState(),
            new RefcountGcAssumption(),
            new MissingGilDeclaration(),
            new BorrowedReferenceApi(),
            new UnlockedContainerIteration(),
            new UnsynchronizedStaticWrite(),
            new ObjectAllocatorForBuffer(),
            new LimitedApiBuild(),
            new NoFreeThreadedWheel(),
            new UpgradeAvailable(),
            new SlowerWithoutExtension(),
            new SourceDeclaresGilFree(),
            new SourceReenablesGil(),
            new OnlyNewerTargets(),
            new YankedVersionPinned(),
            new NotAssessable(),
            new GilReenabledOnImport(),
            new ImportFailsFreeThreaded(),
            new ImportCrashesInterpreter(),
            new TestFailsFreeThreaded(),
            new TestFailsUnderThreadStress(),
            new FlakyTest(),
            new TestHangs(),
            new TestCrashesInterpreter()));
  }

  public List<Rule> all() {
    return List.copyOf(byId.values());
  }

  public List<RuleInfo> infos() {
    return byId.values().stream().map(Rule::info).toList();
  }

  /** The rule with this id (ignoring case) or this kebab-case name. */
  public Optional<Rule> find(String idOrName) {
    for (Rule r : byId.values()) {
      if (r.info().id().equalsIgnoreCase(idOrName) || r.info().name().equals(idOrName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The rules that implement the given family interface. */
  public <T extends Rule> List<T> ofType(Class<T> type) {
    return byId.values().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
