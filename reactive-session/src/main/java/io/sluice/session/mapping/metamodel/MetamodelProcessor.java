package io.sluice.session.mapping.metamodel;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates a metamodel class {@code User_} next to each class {@code User} annotated with {@code @Entity}: one {@code public
 * static final Attribute<User, T>} per mapped field, named like the field, so that queries read {@code User_.name.eq("ed")}.
 * Registered as a service, so javac runs it whenever reactive-session is on the annotation processor path (or, without an
 * explicit processor path, on the class path).
 */
@SupportedAnnotationTypes(MetamodelProcessor.TABLE)
public final class MetamodelProcessor extends AbstractProcessor {

    static final String TABLE = "io.sluice.session.mapping.Entity";
    private static final String TRANSIENT = "io.sluice.session.mapping.Transient";
    private static final String TO_ONE = "io.sluice.session.ToOne";
    private static final String TO_MANY = "io.sluice.session.ToMany";
    private static final String MANY_TO_MANY = "io.sluice.session.mapping.ManyToMany";
    private static final String EMBEDDED = "io.sluice.session.mapping.Embedded";

    /** Creates the processor; javac does this. */
    public MetamodelProcessor() {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() == ElementKind.CLASS) {
                    generate((TypeElement) element);
                } else {
                    processingEnv
                            .getMessager()
                            .printMessage(Diagnostic.Kind.ERROR, "@Entity belongs on a class", element);
                }
            }
        }
        return false;
    }

    private void generate(TypeElement type) {
        PackageElement packageElement = processingEnv.getElementUtils().getPackageOf(type);
        String packageName = packageElement.isUnnamed()
                ? ""
                : packageElement.getQualifiedName().toString();
        String entity = type.getQualifiedName().toString();
        String name = type.getSimpleName() + "_";
        List<String> fields = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (TypeElement current = type; current != null; current = superclass(current)) {
            List<String> declared = new ArrayList<>();
            for (Element member : current.getEnclosedElements()) {
                if (member.getKind() != ElementKind.FIELD) {
                    continue;
                }
                VariableElement field = (VariableElement) member;
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.TRANSIENT)
                        || annotated(field, TRANSIENT)) {
                    continue;
                }
                String erased =
                        processingEnv.getTypeUtils().erasure(field.asType()).toString();
                if (erased.equals(TO_ONE) || erased.equals(TO_MANY)) {
                    List<? extends TypeMirror> arguments =
                            ((javax.lang.model.type.DeclaredType) field.asType()).getTypeArguments();
                    String target = arguments.isEmpty() ? "java.lang.Object" : boxed(arguments.get(0));
                    String relationName = field.getSimpleName().toString();
                    String kind = erased.equals(TO_ONE)
                            ? "ManyToOne"
                            : annotated(field, MANY_TO_MANY) ? "ManyToMany" : "OneToMany";
                    String factory = Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
                    declared.add("    /** The relationship {@code " + relationName + "}. */\n"
                            + "    public static final " + kind + "Relationship<" + entity + ", " + target + "> "
                            + relationName + " =\n            Metamodel." + factory + "(" + entity + ".class, \""
                            + relationName + "\");\n");
                    continue;
                }
                if (annotated(field, EMBEDDED)) {
                    declared.add(embedded(entity, field, "", new ArrayList<>(), paths));
                    continue;
                }
                if (modifiers.contains(Modifier.FINAL)) {
                    processingEnv
                            .getMessager()
                            .printMessage(
                                    Diagnostic.Kind.WARNING,
                                    type.getSimpleName() + "." + field.getSimpleName()
                                            + " is final, but Sluice must write it when it loads a row: remove final, or mark it"
                                            + " @Transient (Mapping.of will refuse the class)",
                                    field);
                    continue;
                }
                String fieldName = field.getSimpleName().toString();
                declared.add("    /** The mapped field {@code " + fieldName + "}. */\n"
                        + "    public static final Attribute<" + entity + ", " + boxed(field.asType()) + "> "
                        + fieldName
                        + " =\n            Metamodel.attribute(" + entity + ".class, \"" + fieldName + "\");\n");
            }
            fields.addAll(0, declared);
        }
        StringBuilder source = new StringBuilder();
        if (!packageName.isEmpty()) {
            source.append("package ").append(packageName).append(";\n\n");
        }
        source.append("import io.sluice.session.mapping.Attribute;\n")
                .append("import io.sluice.session.mapping.Metamodel;\n")
                .append("import io.sluice.session.mapping.ManyToManyRelationship;\n")
                .append("import io.sluice.session.mapping.ManyToOneRelationship;\n")
                .append("import io.sluice.session.mapping.OneToManyRelationship;\n\n")
                .append("/** The metamodel of {@link ")
                .append(entity)
                .append("}: its mapped fields as typed attributes. */\n")
                .append("@javax.annotation.processing.Generated(\"")
                .append(MetamodelProcessor.class.getName())
                .append("\")\n")
                .append("public final class ")
                .append(name)
                .append(" {\n\n");
        for (String field : fields) {
            source.append(field).append('\n');
        }
        for (String path : paths) {
            source.append(path).append('\n');
        }
        source.append("    private ").append(name).append("() {}\n}\n");
        String generated = packageName.isEmpty() ? name : packageName + "." + name;
        try (Writer writer =
                processingEnv.getFiler().createSourceFile(generated, type).openWriter()) {
            writer.write(source.toString());
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "could not write " + generated + ": " + e.getMessage(), type);
        }
    }

    /**
     * Returns the declaration of an embedded field's path ({@code public static final HomePath home = new HomePath();}) and
     * adds the path's class, whose instance fields are the embedded value's columns (and nested paths), to {@code paths}.
     */
    private String embedded(
            String entity, VariableElement field, String prefix, List<String> enclosing, List<String> paths) {
        String fieldName = field.getSimpleName().toString();
        String path = prefix + fieldName;
        StringBuilder className = new StringBuilder();
        for (String part : path.split("\\.")) {
            className.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        className.append("Path");
        boolean top = prefix.isEmpty();
        String declaration = "    /** The columns of the embedded value {@code " + path + "}. */\n    public "
                + (top ? "static " : "") + "final " + className + " " + fieldName + " = new " + className + "();\n";
        StringBuilder body = new StringBuilder();
        body.append("    /** The columns of the embedded value {@code ")
                .append(path)
                .append("}, as typed attributes. */\n")
                .append("    public static final class ")
                .append(className)
                .append(" {\n\n");
        Element valueType = processingEnv.getTypeUtils().asElement(field.asType());
        // A value embedded in itself is refused by Mapping.of; its path is left empty here.
        if (valueType instanceof TypeElement value
                && !enclosing.contains(value.getQualifiedName().toString())) {
            List<String> nesting = new ArrayList<>(enclosing);
            nesting.add(value.getQualifiedName().toString());
            for (Element member : value.getEnclosedElements()) {
                if (member.getKind() != ElementKind.FIELD) {
                    continue;
                }
                VariableElement part = (VariableElement) member;
                Set<Modifier> modifiers = part.getModifiers();
                if (modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.TRANSIENT)
                        || annotated(part, TRANSIENT)) {
                    continue;
                }
                String partName = part.getSimpleName().toString();
                if (annotated(part, EMBEDDED)) {
                    body.append(embedded(entity, part, path + ".", nesting, paths)
                            .replace("\n    ", "\n        ")
                            .replaceFirst("^    ", "        "));
                    continue;
                }
                body.append("        /** The mapped field {@code ")
                        .append(path)
                        .append('.')
                        .append(partName)
                        .append("}. */\n        public final Attribute<")
                        .append(entity)
                        .append(", ")
                        .append(boxed(part.asType()))
                        .append("> ")
                        .append(partName)
                        .append(" =\n                Metamodel.attribute(")
                        .append(entity)
                        .append(".class, \"")
                        .append(path)
                        .append('.')
                        .append(partName)
                        .append("\");\n\n");
            }
        }
        body.append("        private ").append(className).append("() {}\n    }\n");
        paths.add(body.toString());
        return declaration;
    }

    private @org.jspecify.annotations.Nullable TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) processingEnv.getTypeUtils().asElement(superclass);
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean annotated(Element element, String annotation) {
        return element.getAnnotationMirrors().stream()
                .anyMatch(mirror -> mirror.getAnnotationType().toString().equals(annotation));
    }

    /** Returns the type's name as source text, boxed, erased and without type annotations such as {@code @Nullable}. */
    private String boxed(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return processingEnv
                    .getTypeUtils()
                    .boxedClass((javax.lang.model.type.PrimitiveType) type)
                    .getQualifiedName()
                    .toString();
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
            String name = component.getKind().isPrimitive()
                    ? component.getKind().name().toLowerCase(java.util.Locale.ROOT)
                    : boxed(component);
            return name + "[]";
        }
        Element element = processingEnv.getTypeUtils().asElement(type);
        if (element instanceof TypeElement typeElement) {
            return typeElement.getQualifiedName().toString();
        }
        return processingEnv.getTypeUtils().erasure(type).toString();
    }
}
