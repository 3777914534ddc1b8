//! The names the page and its addresses use for a choice (an activation, a
//! loss, a data set, …), written once per enum: `named_enum!` turns one table
//! of `Variant = "name"` into the list of choices, `name()`, `Display` and
//! `FromStr`, whose error is the page's sentence, "Unknown activation
//! \"softplus\": choose tanh, relu, sigmoid or identity.".
//!
//! ```
//! #[derive(Clone, Copy, Debug, PartialEq)]
//! enum Shape {
//!     Round,
//!     Square,
//!     Sides(u8),
//!     Hidden,
//! }
//! mlp_playground::named_enum!(Shape, "shape", ALL = [Round = "round", Square = "square", Sides(5) = "sides"],
//!     unlisted = [Hidden = "hidden"]);
//!
//! assert_eq!(Shape::ALL, [Shape::Round, Shape::Square, Shape::Sides(5)]);
//! assert_eq!(Shape::Sides(7).name(), "sides");
//! assert_eq!("square".parse::<Shape>(), Ok(Shape::Square));
//! assert_eq!(Shape::Hidden.to_string(), "hidden");
//! assert_eq!(
//!     "hidden".parse::<Shape>(),
//!     Err("Unknown shape \"hidden\": choose round, square or sides.".to_string())
//! );
//! ```
//!
//! - The listed variants (`ALL`, or any name given before `=`) are the
//!   choices, in the page's order; a variant with fields is listed with the
//!   value its name reads as (`Sides(5)`, `Momentum { beta: 0.9 }`), and
//!   `name()` ignores its fields. Where a field comes from another control
//!   (momentum's β), the enum's own `parse(name, value)` reads the name with
//!   `FromStr` and then sets the field.
//! - `unlisted` variants have a name (the page may show it) but are not a
//!   choice: `parse` refuses them.
//! - `name()` matches every variant, so a variant left out of the table does
//!   not compile.

/// "a", "a or b", "a, b or c": the choices in an error sentence.
pub fn choices(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// "Unknown {what} \"{given}\": choose {choices}.", the sentence for a name
/// the page does not know.
pub fn unknown(what: &str, given: &str, names: &[&str]) -> String {
    format!("Unknown {what} \"{given}\": choose {}.", choices(names))
}

/// Names an enum's variants once (see the module's documentation):
/// `named_enum!(Type, "what", LIST = [Variant = "name", …], unlisted = [Variant = "name", …])`,
/// the `unlisted` part optional.
#[macro_export]
macro_rules! named_enum {
    (
        $ty:ident, $what:literal,
        $list:ident = [$(
            $v:ident $(($($arg:expr),*))? $({$($field:ident: $value:expr),*})? = $name:literal
        ),+ $(,)?]
        $(, unlisted = [$($u:ident = $uname:literal),+ $(,)?])? $(,)?
    ) => {
        impl $ty {
            #[doc = concat!("Every ", $what, " the page offers, in its order (`FromStr` reads their names).")]
            pub const $list: [$ty; [$($name),+].len()] =
                [$($ty::$v $(($($arg),*))? $({$($field: $value),*})?),+];

            #[doc = concat!("The short name of the ", $what, " in the page's controls and in addresses.")]
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$v { .. } => $name,)+
                    $($($ty::$u { .. } => $uname,)+)?
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = String;

            /// The listed variant of a name; a sentence listing the choices otherwise.
            fn from_str(s: &str) -> Result<Self, String> {
                $ty::$list
                    .into_iter()
                    .find(|v| v.name() == s)
                    .ok_or_else(|| $crate::names::unknown($what, s, &[$($name),+]))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Pet {
        Cat,
        Dog,
        Fish(u8),
        Bird { wings: u8 },
        Ghost,
    }
    crate::named_enum!(
        Pet,
        "pet",
        PETS = [
            Cat = "cat",
            Dog = "dog",
            Fish(3) = "fish",
            Bird { wings: 2 } = "bird"
        ],
        unlisted = [Ghost = "ghost"]
    );

    #[test]
    fn choices_read_as_a_sentence() {
        assert_eq!(choices(&[]), "");
        assert_eq!(choices(&["a"]), "a");
        assert_eq!(choices(&["a", "b"]), "a or b");
        assert_eq!(choices(&["a", "b", "c"]), "a, b or c");
    }

    #[test]
    fn every_listed_name_reads_back_and_others_are_refused() {
        assert_eq!(
            Pet::PETS,
            [Pet::Cat, Pet::Dog, Pet::Fish(3), Pet::Bird { wings: 2 }]
        );
        for pet in Pet::PETS {
            assert_eq!(pet.name().parse::<Pet>(), Ok(pet));
            assert_eq!(pet.to_string(), pet.name());
        }
        assert_eq!(Pet::Fish(9).name(), "fish", "fields do not change the name");
        assert_eq!(Pet::Bird { wings: 0 }.name(), "bird");
        assert_eq!(Pet::Ghost.name(), "ghost");
        let refused = "Unknown pet \"{}\": choose cat, dog, fish or bird.";
        for s in ["ghost", "Cat", "", " cat"] {
            assert_eq!(s.parse::<Pet>(), Err(refused.replace("{}", s)));
        }
    }

    #[test]
    fn the_page_names_read_back_and_unknown_ones_get_the_page_sentence() {
        use crate::lessons::gd1d::Curve;
        use crate::nn::regularization::Regularization;
        use crate::train::optim::Optimizer;
        use crate::train::stop::StopCondition;
        use crate::{Activation, DatasetKind, FeatureSet, Loss, Reduction};
        let names = |v: &[&str]| v.join(" ");
        assert_eq!(
            names(&Activation::ALL.map(Activation::name)),
            "tanh relu sigmoid identity"
        );
        assert_eq!(
            names(&DatasetKind::NAMED.map(DatasetKind::name)),
            "blobs xor circle spirals moons plane gaussians arms clusters"
        );
        assert_eq!("arms".parse(), Ok(DatasetKind::Arms(3)));
        assert_eq!(Loss::SoftmaxCrossEntropy.to_string(), "softmax-cross-entropy");
        assert_eq!(
            Optimizer::parse("momentum", 0.5),
            Ok(Optimizer::Momentum { beta: 0.5 })
        );
        assert_eq!(
            Regularization::parse("l1", 0.25),
            Ok(Regularization::L1 { lambda: 0.25 })
        );
        assert_eq!(
            StopCondition::parse("loss", 0.5),
            Ok(StopCondition::TargetLoss(0.5))
        );
        for (got, want) in [
            ("softplus".parse::<Activation>().unwrap_err(), "Unknown activation \"softplus\": choose tanh, relu, sigmoid or identity."),
            ("softmax-cross-entropy".parse::<Loss>().unwrap_err(), "Unknown loss \"softmax-cross-entropy\": choose mse or logistic."),
            ("max".parse::<Reduction>().unwrap_err(), "Unknown reduction \"max\": choose mean or sum."),
            (
                "ring".parse::<DatasetKind>().unwrap_err(),
                "Unknown dataset \"ring\": choose blobs, xor, circle, spirals, moons, plane, gaussians, arms or clusters.",
            ),
            ("flat".parse::<Curve>().unwrap_err(), "Unknown curve \"flat\": choose quadratic, two-wells, quartic or bumpy."),
            (
                "x1,x3".parse::<FeatureSet>().unwrap_err(),
                "Unknown input feature \"x3\": choose x1, x2, x1sq, x2sq, x1x2, sinx1 or sinx2.",
            ),
            (Optimizer::parse("sgd", 0.5).unwrap_err(), "Unknown optimiser \"sgd\": choose gd, momentum or adam."),
            (Regularization::parse("l3", 0.1).unwrap_err(), "Unknown regularisation \"l3\": choose none, l1 or l2."),
            (StopCondition::parse("later", 1.0).unwrap_err(), "Unknown stop condition \"later\": choose none, epochs or loss."),
        ] {
            assert_eq!(got, want);
        }
    }
}
