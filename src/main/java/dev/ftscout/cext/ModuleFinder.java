package dev.ftscout.cext;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.Binding;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every extension module in a project and decides whether it declares GIL-free support: C
 * modules by their {@code PyInit_} functions, {@code PyModuleDef}s and slot arrays; pybind11 and
 * nanobind modules by their macros (nanobind's declaration lives in CMake); Cython modules by their
 * header directive or build configuration; PyO3 modules by their attribute and the PyO3 version;
 * f2py modules by their build invocation.
 */
final class ModuleFinder {
  private final List<CFile> cFiles;
  private final List<CythonFile> cythonFiles;
  private final List<RustFile> rustFiles;
  private final List<BuildFile> buildFiles;
  private final List<ModuleFact> found = new ArrayList<>();
  private final java.util.IdentityHashMap<CVariable, CFile> owners =
      new java.util.IdentityHashMap<>();

  private ModuleFinder(
      List<CFile> cFiles,
      List<CythonFile> cythonFiles,
      List<RustFile> rustFiles,
      List<BuildFile> buildFiles) {
    this.cFiles = cFiles;
    this.cythonFiles = cythonFiles;
    this.rustFiles = rustFiles;
    this.buildFiles = buildFiles;
    for (CFile f : cFiles) {
      for (CVariable v : f.variables()) {
        owners.put(v, f);
      }
    }
  }

  static List<ModuleFact> find(
      List<CFile> cFiles,
      List<CythonFile> cythonFiles,
      List<RustFile> rustFiles,
      List<BuildFile> buildFiles) {
    ModuleFinder f = new ModuleFinder(cFiles, cythonFiles, rustFiles, buildFiles);
    f.cModules();
    f.bindingMacros();
    f.cythonModules();
    f.pyo3Modules();
    f.f2pyModules();
    List<ModuleFact> sorted = new ArrayList<>(f.found);
    sorted.sort(
        Comparator.comparing((ModuleFact m) -> m.module().path())
            .thenComparingInt(m -> m.module().line())
            .thenComparing(m -> m.module().name()));
    return sorted;
  }

  private void add(
      String name,
      Binding binding,
      String path,
      int line,
      GilDeclaration decl,
      String evidence,
      String sitePath,
      int siteLine,
      int siteColumn) {
    found.add(
        new ModuleFact(
            new ExtensionModule(name, binding, path, line, decl, evidence),
            sitePath,
            siteLine,
            siteColumn));
  }

  // ---- C ----

  private void cModules() {
    Set<String> usedDefs = new HashSet<>();
    for (CFile file : cFiles) {
      for (CFunction init : file.functions()) {
        if (!init.name().startsWith("PyInit_") || init.name().length() <= "PyInit_".length()) {
          continue;
        }
        List<CCall> reach = reachableCalls(file, init);
        Optional<CCall> multi = first(reach, "PyModuleDef_Init");
        Optional<CCall> single = first(reach, "PyModule_Create", "PyModule_Create2");
        String suffix = init.name().substring("PyInit_".length());
        if (multi.isPresent()) {
          Optional<CVariable> def = definition(file, multi.get());
          def.ifPresent(d -> usedDefs.add(file.path() + "#" + d.name()));
          multiPhase(file, def, Optional.of(init), suffix);
        } else if (single.isPresent()) {
          Optional<CVariable> def = definition(file, single.get());
          def.ifPresent(d -> usedDefs.add(file.path() + "#" + d.name()));
          singlePhase(file, init, reach, moduleName(file, def, suffix));
        } else if (slotArrays(file).isEmpty()) {
          singlePhase(file, init, reach, suffix);
        } else {
          multiPhase(file, Optional.empty(), Optional.of(init), suffix);
        }
      }
    }
    for (CFile file : cFiles) {
      for (CCall c : file.calls()) {
        boolean create =
            c.name().equals("PyModule_Create")
                || c.name().equals("PyModule_Create2")
                || c.name().equals("PyModuleDef_Init");
        if (!create) {
          continue;
        }
        Optional<CFunction> in = c.function().flatMap(file::function);
        if (in.isEmpty() || in.get().name().startsWith("PyInit_")) {
          continue;
        }
        CFunction f = in.get();
        Optional<CVariable> def = definition(file, c);
        if (def.isEmpty() || !usedDefs.add(file.path() + "#" + def.get().name())) {
          continue;
        }
        // Names built by macros (m_name = STR(NAME), an init function INIT(NAME)(void)) cannot be
        // read without the build's defines; the file's stem is the best name left.
        String name =
            defMember(file, def.get(), "m_name", 1)
                .map(String::strip)
                .filter(m -> m.startsWith("\""))
                .map(ModuleFinder::unquote)
                .or(() -> Optional.of(f.name()).filter(n -> !macroBuiltName(file, f)))
                .orElse(stem(file.path()));
        if (c.name().equals("PyModuleDef_Init")) {
          multiPhase(file, def, Optional.of(f), name);
        } else {
          singlePhase(file, f, reachableCalls(file, f), name);
        }
      }
    }
    for (CFile file : cFiles) {
      for (CVariable v : file.variables()) {
        if (!isModuleDef(v) || usedDefs.contains(file.path() + "#" + v.name())) {
          continue;
        }
        Optional<String> slots = defMember(file, v, "m_slots", 5);
        Optional<String> name = defMember(file, v, "m_name", 1).map(ModuleFinder::unquote);
        boolean hasInit = file.functions().stream().anyMatch(f -> f.name().startsWith("PyInit_"));
        if (slots.isPresent() && name.isPresent() && !hasInit) {
          multiPhase(file, Optional.of(v), Optional.empty(), name.get());
        }
      }
    }
  }

  /** Calls in a function and in the same-file functions it calls directly. */
  private static List<CCall> reachableCalls(CFile file, CFunction f) {
    List<CCall> out = new ArrayList<>();
    Set<String> callees = new HashSet<>();
    for (CCall c : file.calls()) {
      if (c.function().equals(Optional.of(f.name()))) {
        out.add(c);
        callees.add(c.name());
      }
    }
    for (CCall c : file.calls()) {
      Optional<String> in = c.function();
      if (in.isPresent() && callees.contains(in.get()) && !in.get().equals(f.name())) {
        out.add(c);
      }
    }
    return out;
  }

  private static Optional<CCall> first(List<CCall> calls, String... names) {
    for (CCall c : calls) {
      for (String n : names) {
        if (c.name().equals(n)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isModuleDef(CVariable v) {
    return v.hasType("PyModuleDef") && !v.pointer() && v.initOpen() >= 0;
  }

  /** The {@code PyModuleDef} a call such as {@code PyModuleDef_Init(&def)} names. */
  private Optional<CVariable> definition(CFile file, CCall call) {
    List<String> args = file.arguments(call);
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String arg = args.get(0);
    String name = arg.substring(arg.lastIndexOf(' ') + 1);
    return variable(file, name, ModuleFinder::isModuleDef);
  }

  private Optional<CVariable> variable(
      CFile preferred, String name, java.util.function.Predicate<CVariable> test) {
    Optional<CVariable> own =
        preferred.variables().stream()
            .filter(v -> v.name().equals(name) && test.test(v))
            .findFirst();
    if (own.isPresent()) {
      return own;
    }
    return cFiles.stream()
        .flatMap(f -> f.variables().stream())
        .filter(v -> v.name().equals(name) && test.test(v) && v.initOpen() >= 0)
        .findFirst();
  }

  private Optional<CFile> fileOf(CVariable v) {
    return Optional.ofNullable(owners.get(v));
  }

  private static Optional<String> defMember(CFile file, CVariable def, String member, int index) {
    List<InitEntry> entries = file.initializer(def);
    for (InitEntry e : entries) {
      if (e.designator().equals(member)) {
        return present(e.text());
      }
    }
    boolean designated = entries.stream().anyMatch(e -> !e.designator().isEmpty());
    if (!designated && entries.size() > index) {
      return present(entries.get(index).text());
    }
    return Optional.empty();
  }

  private static Optional<String> present(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.equals("NULL") || t.equals("0") || t.equals("nullptr")) {
      return Optional.empty();
    }
    return Optional.of(t.substring(t.lastIndexOf(' ') + 1));
  }

  private static List<CVariable> slotArrays(CFile file) {
    return file.variables().stream()
        .filter(v -> v.hasType("PyModuleDef_Slot") && v.initOpen() >= 0)
        .toList();
  }

  private static String moduleName(CFile file, Optional<CVariable> def, String suffix) {
    if (def.isPresent()) {
      Optional<String> mName = defMember(file, def.get(), "m_name", 1).map(ModuleFinder::unquote);
      if (mName.isPresent() && (mName.get().equals(suffix) || mName.get().endsWith("." + suffix))) {
        return mName.get();
      }
    }
    return suffix;
  }

  private void multiPhase(
      CFile file, Optional<CVariable> def, Optional<CFunction> init, String suffix) {
    Optional<CVariable> slots = Optional.empty();
    CFile slotsFile = file;
    if (def.isPresent()) {
      CFile defFile = fileOf(def.get()).orElse(file);
      Optional<String> slotsName = defMember(defFile, def.get(), "m_slots", 5);
      if (slotsName.isPresent()) {
        slots = variable(defFile, slotsName.get(), v -> v.hasType("PyModuleDef_Slot"));
      }
    }
    if (slots.isEmpty() && slotArrays(file).size() == 1) {
      slots = Optional.of(slotArrays(file).get(0));
    }
    if (slots.isPresent()) {
      slotsFile = fileOf(slots.get()).orElse(file);
    }
    String name =
        def.isPresent() ? moduleName(fileOf(def.get()).orElse(file), def, suffix) : suffix;
    int line = init.map(CFunction::line).orElse(def.map(CVariable::line).orElse(1));
    String path = file.path();
    if (slots.isEmpty()) {
      int siteLine = def.map(CVariable::line).orElse(line);
      int siteCol = def.map(CVariable::column).orElse(1);
      add(
          name,
          Binding.C_MULTI_PHASE,
          path,
          line,
          GilDeclaration.NO,
          "no PyModuleDef_Slot array with a Py_mod_gil slot found",
          path,
          siteLine,
          siteCol);
      return;
    }
    CVariable s = slots.get();
    GilDeclaration decl = GilDeclaration.NO;
    String evidence = "no Py_mod_gil slot in " + s.name() + " (line " + s.line() + ")";
    for (InitEntry e : slotsFile.initializer(s)) {
      List<String> parts = e.parts();
      if (parts.size() < 2 || !parts.get(0).equals("Py_mod_gil")) {
        continue;
      }
      String value = parts.get(1);
      String entry = "{Py_mod_gil, " + value + "} in " + s.name() + " (line " + e.line() + ")";
      Condition c = e.condition();
      if (value.contains("Py_MOD_GIL_NOT_USED")) {
        Judged j = judge(c, entry);
        decl = j.decl();
        evidence = j.evidence();
        if (decl == GilDeclaration.YES) {
          break;
        }
      } else if (decl == GilDeclaration.NO) {
        evidence = entry + ": declares that it needs the GIL";
      }
    }
    add(
        name,
        Binding.C_MULTI_PHASE,
        path,
        line,
        decl,
        evidence,
        slotsFile.path(),
        s.line(),
        s.column());
  }

  private record Judged(GilDeclaration decl, String evidence) {}

  private static Judged judge(Condition c, String what) {
    return switch (c.truth()) {
      case ALWAYS -> {
        boolean guarded = !c.unconditional();
        yield new Judged(GilDeclaration.YES, guarded ? what + " under " + c.describe() : what);
      }
      case NEVER ->
          new Judged(
              GilDeclaration.CONDITIONAL,
              what + " only under " + c.describe() + ", which excludes free-threaded builds");
      case MAYBE ->
          new Judged(
              GilDeclaration.CONDITIONAL,
              what
                  + " only under "
                  + describeDoubtful(c)
                  + ", which free-threaded builds may not meet");
    };
  }

  /** The branches not known to hold on free-threaded builds, for evidence. */
  private static String describeDoubtful(Condition c) {
    return c.guards().stream()
        .filter(g -> g.truth() != Truth.ALWAYS)
        .map(g -> g.text() + " (line " + g.line() + ")")
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private void singlePhase(CFile file, CFunction init, List<CCall> reach, String name) {
    GilDeclaration decl = GilDeclaration.NO;
    String evidence =
        "single-phase init without PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED)";
    for (CCall c : reach) {
      if (!c.name().equals("PyUnstable_Module_SetGIL")) {
        continue;
      }
      List<String> args = file.arguments(c);
      String what =
          "PyUnstable_Module_SetGIL(" + String.join(", ", args) + ") (line " + c.line() + ")";
      if (args.size() >= 2 && args.get(1).contains("Py_MOD_GIL_NOT_USED")) {
        Judged j = judge(c.condition(), what);
        decl = j.decl();
        evidence = j.evidence();
        if (decl == GilDeclaration.YES) {
          break;
        }
      }
    }
    CTokens t = file.tokens();
    add(
        name,
        Binding.C_SINGLE_PHASE,
        file.path(),
        init.line(),
        decl,
        evidence,
        file.path(),
        init.line(),
        t.column(init.nameToken()));
  }

  // ---- pybind11 and nanobind ----

  private void bindingMacros() {
    for (CFile file : cFiles) {
      CTokens t = file.tokens();
      String text = t.source();
      if (!text.contains("PYBIND11_") && !text.contains("NB_MODULE")) {
        continue;
      }
      Map<String, List<Variant>> pybind = new LinkedHashMap<>();
      for (int i = 0; i + 1 < t.size(); i++) {
        if (!t.isIdent(i) || !t.isPunct(i + 1, '(') || t.depth(i) > 1) {
          continue;
        }
        boolean pb11 = t.is(i, "PYBIND11_MODULE");
        boolean plugin = t.is(i, "PYBIND11_PLUGIN");
        boolean nb = t.is(i, "NB_MODULE");
        if (!pb11 && !plugin && !nb) {
          continue;
        }
        int close = closeParen(t, i + 1);
        List<String> args = file.splitTopLevel(i + 2, close);
        if (args.isEmpty()) {
          continue;
        }
        String name = args.get(0);
        if (nb) {
          nanobind(file, i, name);
        } else {
          pybind.computeIfAbsent(name, k -> new ArrayList<>()).add(new Variant(i, plugin, args));
        }
      }
      pybind.forEach((name, variants) -> pybind11(file, name, variants));
    }
  }

  private record Variant(int token, boolean plugin, List<String> args) {}

  private void pybind11(CFile file, String name, List<Variant> variants) {
    CTokens t = file.tokens();
    GilDeclaration decl = GilDeclaration.NO;
    String evidence = "PYBIND11_MODULE(" + name + ", ...) without py::mod_gil_not_used()";
    Variant site = variants.get(0);
    for (Variant v : variants) {
      String what =
          "PYBIND11_MODULE(" + String.join(", ", v.args()) + ") (line " + t.line(v.token()) + ")";
      if (v.plugin()) {
        evidence =
            "PYBIND11_PLUGIN("
                + name
                + ") (line "
                + t.line(v.token())
                + ") predates py::mod_gil_not_used()";
        continue;
      }
      boolean notUsed =
          v.args().stream()
              .skip(2)
              .anyMatch(
                  a -> a.contains("mod_gil_not_used") && !a.replace(" ", "").contains("(false)"));
      if (notUsed) {
        Judged j = judge(t.condition(v.token()), what);
        if (decl != GilDeclaration.YES) {
          decl = j.decl();
          evidence = j.evidence();
          site = v;
        }
      } else if (v.args().stream().skip(2).anyMatch(a -> a.contains("mod_gil_used"))) {
        if (decl == GilDeclaration.NO) {
          evidence = what + ": declares that it needs the GIL";
        }
      }
    }
    add(
        name,
        Binding.PYBIND11,
        file.path(),
        t.line(site.token()),
        decl,
        evidence,
        file.path(),
        t.line(site.token()),
        t.column(site.token()));
  }

  private void nanobind(CFile file, int token, String name) {
    CTokens t = file.tokens();
    String fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
    Optional<BuildFile> buildFile = Optional.empty();
    Optional<BuildFact.NanobindModule> call = Optional.empty();
    for (BuildFile b : buildFiles) {
      for (BuildFact.NanobindModule m : b.facts(BuildFact.NanobindModule.class)) {
        if (m.target().equals(name) || m.sources().contains(fileName)) {
          if (call.isEmpty() || m.target().equals(name)) {
            call = Optional.of(m);
            buildFile = Optional.of(b);
          }
        }
      }
    }
    int line = t.line(token);
    if (call.isEmpty() || buildFile.isEmpty()) {
      add(
          name,
          Binding.NANOBIND,
          file.path(),
          line,
          GilDeclaration.NO,
          "NB_MODULE("
              + name
              + ", ...) with no nanobind_add_module(... FREE_THREADED ...) in the build files",
          file.path(),
          line,
          t.column(token));
      return;
    }
    BuildFact.NanobindModule m = call.get();
    String where = buildFile.get().path() + ":" + m.line();
    add(
        name,
        Binding.NANOBIND,
        file.path(),
        line,
        m.freeThreaded() ? GilDeclaration.YES : GilDeclaration.NO,
        m.freeThreaded()
            ? "nanobind_add_module(" + m.target() + " FREE_THREADED ...) at " + where
            : "nanobind_add_module(" + m.target() + " ...) without FREE_THREADED at " + where,
        buildFile.get().path(),
        m.line(),
        m.column());
  }

  private static int closeParen(CTokens t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (t.isPunct(i, '(')) {
        depth++;
      } else if (t.isPunct(i, ')')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return t.size();
  }

  // ---- Cython ----

  private void cythonModules() {
    Set<String> included = new HashSet<>();
    for (CythonFile f : cythonFiles) {
      String dir =
          f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/') + 1) : "";
      for (String inc : f.includes()) {
        included.add(java.nio.file.Path.of(dir + inc).normalize().toString().replace('\\', '/'));
      }
    }
    for (CythonFile f : cythonFiles) {
      if (!f.isModule() || included.contains(f.path())) {
        continue;
      }
      String name = dotted(f.path());
      Optional<CythonFile.HeaderDirective> d = f.directive("freethreading_compatible");
      if (d.isPresent()) {
        CythonFile.HeaderDirective h = d.get();
        add(
            name,
            Binding.CYTHON,
            f.path(),
            1,
            h.isTrue() ? GilDeclaration.YES : GilDeclaration.NO,
            "# cython: freethreading_compatible=" + h.value() + " (line " + h.line() + ")",
            f.path(),
            h.line(),
            1);
        continue;
      }
      Optional<BuildFile> best = Optional.empty();
      Optional<BuildFact.CythonDirective> setting = Optional.empty();
      for (BuildFile b : buildFiles) {
        String dir = b.directory();
        boolean applies = dir.isEmpty() || f.path().startsWith(dir + "/");
        if (!applies) {
          continue;
        }
        for (BuildFact.CythonDirective c : b.facts(BuildFact.CythonDirective.class)) {
          boolean deeper = best.isEmpty() || best.get().directory().length() < dir.length();
          if (deeper || (best.get().path().equals(b.path()) && c.value())) {
            best = Optional.of(b);
            setting = Optional.of(c);
          }
        }
      }
      if (setting.isPresent() && best.isPresent()) {
        BuildFact.CythonDirective c = setting.get();
        add(
            name,
            Binding.CYTHON,
            f.path(),
            1,
            c.value() ? GilDeclaration.YES : GilDeclaration.NO,
            c.text() + " in " + best.get().path() + ":" + c.line(),
            best.get().path(),
            c.line(),
            c.column());
      } else {
        add(
            name,
            Binding.CYTHON,
            f.path(),
            1,
            GilDeclaration.NO,
            "no freethreading_compatible directive in the file header or the build configuration",
            f.path(),
            1,
            1);
      }
    }
  }

  /** {@code src/pkg/_mod.pyx} → {@code pkg._mod}. */
  static String dotted(String path) {
    String p = path;
    if (p.startsWith("src/")) {
      p = p.substring(4);
    }
    int dot = p.lastIndexOf('.');
    if (dot > p.lastIndexOf('/')) {
      p = p.substring(0, dot);
    }
    return p.replace('/', '.');
  }

  // ---- PyO3 ----

  private void pyo3Modules() {
    for (RustFile f : rustFiles) {
      List<RustFile.PyModuleItem> items = f.modules().stream().filter(m -> !m.submodule()).toList();
      if (items.isEmpty()) {
        continue;
      }
      Optional<BuildFile> manifest = nearest(f.path(), BuildFile.Kind.CARGO_TOML);
      Optional<PyO3Version> version = manifest.flatMap(this::pyo3Version);
      Optional<String> libName = manifest.flatMap(this::libraryName);
      List<RustFile.PyModuleItem> chosen = items;
      if (items.size() > 1 && libName.isPresent()) {
        List<RustFile.PyModuleItem> named =
            items.stream().filter(m -> m.name().equals(libName.get())).toList();
        if (!named.isEmpty()) {
          chosen = named;
        }
      }
      for (RustFile.PyModuleItem m : chosen) {
        pyo3(f, m, version);
      }
    }
  }

  private void pyo3(RustFile f, RustFile.PyModuleItem m, Optional<PyO3Version> version) {
    GilDeclaration decl;
    String evidence;
    String attr = m.attribute() + " (line " + m.line() + ")";
    if (m.gilUsed().isPresent()) {
      boolean used = m.gilUsed().get();
      if (!used && version.isPresent() && !version.get().canDeclare()) {
        decl = GilDeclaration.NO;
        evidence = attr + " but PyO3 " + version.get() + " predates gil_used (0.23)";
      } else {
        decl = used ? GilDeclaration.NO : GilDeclaration.YES;
        evidence = attr;
      }
    } else if (version.isEmpty()) {
      decl = GilDeclaration.NO;
      evidence =
          attr
              + " without gil_used = false; PyO3 version unknown (no Cargo.toml with a pyo3"
              + " dependency found), before 0.28 modules default to gil_used = true";
    } else if (version.get().defaultsToGilFree()) {
      decl = GilDeclaration.YES;
      evidence = attr + " with PyO3 " + version.get() + ", which defaults to gil_used = false";
    } else if (version.get().canDeclare()) {
      decl = GilDeclaration.NO;
      evidence = attr + " with PyO3 " + version.get() + ", which defaults to gil_used = true";
    } else {
      decl = GilDeclaration.NO;
      evidence =
          attr + " with PyO3 " + version.get() + ", which cannot declare GIL-free support (0.23+)";
    }
    add(m.name(), Binding.PYO3, f.path(), m.line(), decl, evidence, f.path(), m.line(), m.column());
  }

  /** The build file of a kind in the deepest folder that contains {@code path}. */
  private Optional<BuildFile> nearest(String path, BuildFile.Kind kind) {
    Optional<BuildFile> best = Optional.empty();
    for (BuildFile b : buildFiles) {
      if (b.kind() != kind) {
        continue;
      }
      String dir = b.directory();
      if ((dir.isEmpty() || path.startsWith(dir + "/"))
          && (best.isEmpty() || best.get().directory().length() < dir.length())) {
        best = Optional.of(b);
      }
    }
    return best;
  }

  private Optional<PyO3Version> pyo3Version(BuildFile manifest) {
    String dir = manifest.directory();
    Optional<BuildFile> lock =
        nearest(dir.isEmpty() ? "Cargo.lock" : dir + "/Cargo.lock", BuildFile.Kind.CARGO_LOCK);
    if (lock.isPresent()) {
      for (BuildFact.LockedCrate c : lock.get().facts(BuildFact.LockedCrate.class)) {
        Optional<PyO3Version> v = PyO3Version.parse(c.version(), lock.get().path());
        if (v.isPresent()) {
          return v;
        }
      }
    }
    for (BuildFact.PyO3Dependency d : manifest.facts(BuildFact.PyO3Dependency.class)) {
      if (d.workspaceTable()) {
        continue;
      }
      if (!d.requirement().isEmpty()) {
        return PyO3Version.parse(d.requirement(), manifest.path());
      }
      if (d.fromWorkspace()) {
        for (BuildFile b : buildFiles) {
          if (b.kind() != BuildFile.Kind.CARGO_TOML) {
            continue;
          }
          for (BuildFact.PyO3Dependency w : b.facts(BuildFact.PyO3Dependency.class)) {
            if (w.workspaceTable() && !w.requirement().isEmpty()) {
              return PyO3Version.parse(w.requirement(), b.path());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> libraryName(BuildFile manifest) {
    String dir = manifest.directory();
    Optional<BuildFile> pyproject =
        nearest(
            dir.isEmpty() ? "pyproject.toml" : dir + "/pyproject.toml", BuildFile.Kind.PYPROJECT);
    if (pyproject.isPresent()) {
      for (BuildFact.LibraryName n : pyproject.get().facts(BuildFact.LibraryName.class)) {
        return Optional.of(n.name());
      }
    }
    Optional<String> fallback = Optional.empty();
    for (BuildFact.LibraryName n : manifest.facts(BuildFact.LibraryName.class)) {
      if (n.explicit()) {
        return Optional.of(n.name());
      }
      fallback = Optional.of(n.name());
    }
    return fallback;
  }

  // ---- f2py ----

  private void f2pyModules() {
    Set<String> seen = new HashSet<>();
    for (BuildFile b : buildFiles) {
      for (BuildFact.F2py c : b.facts(BuildFact.F2py.class)) {
        if (!seen.add(c.module())) {
          continue;
        }
        boolean yes = c.freeThreading().orElse(false);
        String evidence =
            c.freeThreading().isEmpty()
                ? "f2py invoked without --freethreading-compatible at " + b.path() + ":" + c.line()
                : (yes ? "f2py --freethreading-compatible" : "f2py --no-freethreading-compatible")
                    + " at "
                    + b.path()
                    + ":"
                    + c.line();
        add(
            c.module(),
            Binding.F2PY,
            b.path(),
            c.line(),
            yes ? GilDeclaration.YES : GilDeclaration.NO,
            evidence,
            b.path(),
            c.line(),
            c.column());
      }
    }
  }

  /**
   * True for a declarator such as {@code INIT(NAME)(void)}: a macro call in place of the name, so
   * what the parser took for the name (or its parameters) is not the function's real name.
   */
  private static boolean macroBuiltName(CFile file, CFunction f) {
    CTokens tokens = file.source().tokens();
    int next = f.paramsClose() + 1;
    return !tokens.isIdent(f.nameToken()) || (next < f.bodyOpen() && tokens.isPunct(next, '('));
  }

  private static String stem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
