//! A full-batch step shared by workers: the gradient computed in parts over
//! the training rows adds up to the one-pass gradient, whatever the reduction,
//! the task and the split of the rows; two digits trainers stepping together
//! (one holding the run, one adopting its weights every step) follow the run
//! of one alone; parts that do not fit are refused with a sentence and change
//! nothing.

use crate::mnist::package_digits;
use mlp_playground::data::digits::split::DigitSplit;
use mlp_playground::train::digits::{DigitsTrainer, Recipe};
use mlp_playground::train::parts::GradientPart;
use mlp_playground::{DataSpec, DatasetKind, Loss, Mlp, Reduction, Settings, Trainer};

/// Largest |a − b| over every parameter, relative to the largest |a|.
fn relative_gap(a: &Mlp, b: &Mlp) -> f32 {
    let values = |m: &Mlp| -> Vec<f32> {
        m.layers
            .iter()
            .flat_map(|l| l.w.iter().chain(&l.b))
            .copied()
            .collect()
    };
    let (a, b) = (values(a), values(b));
    assert_eq!(a.len(), b.len());
    let scale = a
        .iter()
        .fold(0.0_f32, |m, v| m.max(v.abs()))
        .max(f32::MIN_POSITIVE);
    a.iter().zip(&b).fold(0.0_f32, |m, (p, q)| m.max((p - q).abs())) / scale
}

/// The parts of `t`'s gradient over rows cut at `cuts` (0 and N added).
fn parts(t: &mut Trainer, cuts: &[usize]) -> Vec<GradientPart> {
    let n = t.split().train.len();
    let mut edges = vec![0];
    edges.extend_from_slice(cuts);
    edges.push(n);
    edges
        .windows(2)
        .map(|w| t.gradient_part(w[0]..w[1]).unwrap())
        .collect()
}

fn settings(kind: DatasetKind, loss: Loss, reduction: Reduction) -> Settings {
    Settings {
        data: DataSpec {
            kind,
            points: 120,
            noise: 0.1,
            train_fraction: 0.5,
            seed: 2,
        },
        hidden: vec![6, 5],
        loss,
        reduction,
        eta: 0.05,
        ..Settings::default()
    }
}

#[test]
fn parts_of_the_gradient_step_as_one_pass_over_every_row() {
    let cases = [
        settings(DatasetKind::Circle, Loss::Mse, Reduction::Mean),
        settings(DatasetKind::Moons, Loss::Logistic, Reduction::Sum),
        settings(DatasetKind::Arms(3), Loss::Mse, Reduction::Mean),
        settings(DatasetKind::Gaussians, Loss::Mse, Reduction::Sum),
    ];
    for s in cases {
        let name = format!("{:?}", s.data.kind);
        let mut whole = Trainer::new(s.clone()).unwrap();
        let mut shared = Trainer::new(s).unwrap();
        for step in 0..5 {
            let one = whole.step_measured().unwrap();
            // An empty part and uneven cuts: any split of the rows is the same sum.
            let p = parts(&mut shared, &[0, 7, 40, 40]);
            let mut sent = None;
            let split = shared
                .step_measured_from(&p, |m| sent = Some(m.clone()))
                .unwrap()
                .unwrap();
            assert_eq!(
                sent.as_ref(),
                Some(shared.mlp()),
                "{name}: the updated weights are what `updated` sees"
            );
            let gap = relative_gap(whole.mlp(), shared.mlp());
            assert!(gap < 1e-5, "{name}, step {step}: the weights differ by {gap}");
            assert!(
                (one.train_loss - split.train_loss).abs() <= 1e-5 * one.train_loss.abs().max(1.0),
                "{name}: {one:?} {split:?}"
            );
            assert!(
                (one.test_loss - split.test_loss).abs() <= 1e-5 * one.test_loss.abs().max(1.0),
                "{name}: {one:?} {split:?}"
            );
            let same = |a: f32, b: f32| (a.is_nan() && b.is_nan()) || a == b;
            assert!(
                same(one.train_accuracy, split.train_accuracy),
                "{name}: {one:?} {split:?}"
            );
            assert!(
                same(one.test_accuracy, split.test_accuracy),
                "{name}: {one:?} {split:?}"
            );
            assert_eq!(whole.iteration(), shared.iteration());
        }
    }
}

#[test]
fn a_part_travels_as_bytes_unchanged() {
    let mut t = Trainer::new(settings(DatasetKind::Circle, Loss::Mse, Reduction::Mean)).unwrap();
    let p = t.gradient_part(3..50).unwrap();
    assert_eq!((p.start, p.end), (3, 50));
    assert!(
        p.layers.iter().any(|l| l.w.iter().any(|v| *v != 0.0)),
        "a real gradient"
    );
    assert_eq!(GradientPart::from_bytes(&p.to_bytes()).unwrap(), p);
    let said = GradientPart::from_bytes(&[1, 2, 3]).unwrap_err();
    assert!(said.contains("does not read"), "{said}");
}

#[test]
fn parts_that_do_not_fit_are_refused_and_change_nothing() {
    let mut t = Trainer::new(settings(DatasetKind::Circle, Loss::Mse, Reduction::Mean)).unwrap();
    let n = t.split().train.len();
    let said = t.gradient_part(10..n + 1).unwrap_err();
    assert!(said.contains(&format!("it has {n}")), "{said}");
    let before = t.mlp().clone();
    let a = t.gradient_part(0..20).unwrap();
    let b = t.gradient_part(20..n).unwrap();
    let gap = t.gradient_part(21..n).unwrap();
    let other = Trainer::new(Settings {
        hidden: vec![3],
        ..settings(DatasetKind::Circle, Loss::Mse, Reduction::Mean)
    })
    .unwrap()
    .gradient_part(20..n)
    .unwrap();
    let refused: [(&[GradientPart], &str); 4] = [
        (std::slice::from_ref(&a), "cover 20 of the"),
        (&[a.clone(), gap], "do not fit"),
        (&[b.clone(), a.clone()], "do not fit"),
        (&[a.clone(), other], "do not fit"),
    ];
    for (p, expected) in refused {
        let said = t
            .step_measured_from(p, |_| panic!("nothing is updated"))
            .unwrap_err();
        assert!(said.contains(expected), "{said}");
        assert_eq!(t.mlp(), &before);
        assert_eq!(t.iteration(), 0);
    }
    assert!(t.step_measured_from(&[a, b], |_| {}).unwrap().is_some());
    assert_eq!(t.iteration(), 1);
}

#[test]
fn weights_of_another_shape_are_not_adopted() {
    let s = settings(DatasetKind::Circle, Loss::Mse, Reduction::Mean);
    let mut t = Trainer::new(s.clone()).unwrap();
    let before = t.mlp().clone();
    let other = Trainer::new(Settings { hidden: vec![3], ..s }).unwrap();
    assert!(t.adopt_weights(other.mlp().clone()).is_err());
    assert_eq!(t.mlp(), &before);
}

/// The practical's recipe on real digits, as the page's two workers run it:
/// the lead computes a quarter of the rows and the test pass, the partner the
/// rest on the weights the lead hands it after every update. Each shared step
/// is the step one trainer alone makes from the same weights; over a run the
/// two drift apart only as far as the sums' rounding, amplified while the
/// practical's tiny initial weights break their symmetry, takes them.
/// Steps of the shared run: the practical's tiny initial weights need some
/// 50 before the error falls.
const STEPS: u32 = 100;

#[test]
fn two_digits_trainers_sharing_each_step_follow_one_alone() {
    let split = DigitSplit::draw(&package_digits(30), 200, 100, 1).unwrap();
    let recipe = Recipe::practical(200);
    let mut alone = DigitsTrainer::new(recipe.clone(), split.clone()).unwrap();
    let mut lead = DigitsTrainer::new(recipe.clone(), split.clone()).unwrap();
    let mut partner = DigitsTrainer::new(recipe, split).unwrap();
    let cut = 50;
    for step in 1..=STEPS {
        // Plain gradient descent keeps no state but the weights: the same start.
        alone.adopt_weights(lead.trainer().mlp().clone()).unwrap();
        assert_eq!(alone.run(1), 1);
        let theirs = partner.gradient_part(cut..200).unwrap();
        let ours = lead.gradient_part(0..cut).unwrap();
        let mut next = None;
        assert!(lead
            .step_from_parts(&[ours, theirs], |m| next = Some(m.clone()))
            .unwrap());
        partner.adopt_weights(next.unwrap()).unwrap();
        let gap = relative_gap(alone.trainer().mlp(), lead.trainer().mlp());
        assert!(gap < 1e-5, "step {step}: the weights differ by {gap}");
        let (a, b) = (alone.last(), lead.last());
        assert_eq!(a.step, u64::from(step));
        assert_eq!(b.step, u64::from(step));
        assert!(
            (a.train_loss - b.train_loss).abs() < 1e-5 * a.train_loss,
            "{a:?} {b:?}"
        );
        // A rounding difference may move one digit across the boundary, no more.
        assert!(
            (a.train_error - b.train_error).abs() <= 1.0 / 200.0 + 1e-6,
            "{a:?} {b:?}"
        );
        assert!(
            (a.test_error - b.test_error).abs() <= 1.0 / 100.0 + 1e-6,
            "{a:?} {b:?}"
        );
        assert!(
            b.during_step,
            "the training figures are of the step's own forward passes"
        );
    }
    assert!(
        lead.last().train_error < 0.5,
        "the shared run learns: {:?}",
        lead.last()
    );
    assert_eq!(lead.predictions().len(), 100);
}
